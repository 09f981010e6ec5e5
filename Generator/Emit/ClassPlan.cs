using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Tensorgen.Generator.Model;

namespace Tensorgen.Generator.Emit;

/// <summary>
/// The names of the generated class's state, decided from the spec alone (a class that failed to compile
/// has the same shape): a field per bound shared variable (<c>_state</c> for member <c>State</c>) and
/// per random variable, after the output buffers' fields; the private constructor's parameters.
/// </summary>
internal sealed class ClassPlan
{
    private ClassPlan(FunctionSpec spec, IReadOnlyList<string> sharedFields, IReadOnlyList<string> randomFields,
        IReadOnlyList<string> sharedParameters, IReadOnlyList<string> randomParameters, ImmutableHashSet<int> writtenInPlace)
    {
        Spec = spec;
        FunctionName = SourceWriter.String(spec.DisplayName);
        SharedFields = sharedFields;
        RandomFields = randomFields;
        SharedParameters = sharedParameters;
        RandomParameters = randomParameters;
        WrittenInPlace = writtenInPlace;
    }

    public FunctionSpec Spec { get; }

    /// <summary>The function's name in messages, as a C# string literal.</summary>
    public string FunctionName { get; }

    /// <summary>Per shared variable: the field holding it.</summary>
    public IReadOnlyList<string> SharedFields { get; }

    /// <summary>Per random variable: the field holding it.</summary>
    public IReadOnlyList<string> RandomFields { get; }

    /// <summary>Per shared variable: its constructor parameter.</summary>
    public IReadOnlyList<string> SharedParameters { get; }

    /// <summary>Per random variable: its constructor parameter.</summary>
    public IReadOnlyList<string> RandomParameters { get; }

    /// <summary>The shared variables (by index) whose update is computed into their own next buffer: written even without updates.</summary>
    public ImmutableHashSet<int> WrittenInPlace { get; }

    /// <param name="writtenInPlace">See <see cref="WrittenInPlace"/>: empty for a class that failed to compile.</param>
    public static ClassPlan Of(FunctionSpec spec, IEnumerable<int> writtenInPlace)
    {
        var fieldScope = new NameScope();
        var sharedFields = spec.Shared.Select(s => fieldScope.Take("_" + Naming.Camel(s.Member.Name))).ToList();
        var outputFields = Enumerable.Range(0, spec.Outputs.Count).Select(i => "_output" + i.ToString(CultureInfo.InvariantCulture));
        var randomScope = new NameScope(sharedFields.Concat(outputFields));
        var randomFields = spec.Randoms.Select(r => randomScope.Take("_" + Naming.Camel(r.Name))).ToList();
        var scope = new NameScope(new[] { "updatesEnabled", "owner", "swap", "deleteUpdates" });
        var sharedParameters = spec.Shared.Select(s => scope.Take(Naming.Camel(s.Member.Name))).ToList();
        var randomParameters = spec.Randoms.Select(r => scope.Take(Naming.Camel(r.Name))).ToList();
        return new ClassPlan(spec, sharedFields, randomFields, sharedParameters, randomParameters, writtenInPlace.ToImmutableHashSet());
    }
}

/// <summary>How readable names become C# names.</summary>
internal static class Naming
{
    public static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name.Substring(1);

    public static string Pascal(string name) => name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name.Substring(1);

    /// <summary>A name usable as a C# identifier: other characters become '_'.</summary>
    public static string Identifier(string name)
    {
        var chars = name.Select(c => char.IsLetterOrDigit(c) || c == '_' ? c : '_').ToArray();
        var text = new string(chars);
        return text.Length == 0 || char.IsDigit(text[0]) ? "_" + text : text;
    }

    /// <summary>C# that reads a member: a static one through its type, an instance one through <paramref name="owner"/>.</summary>
    public static string Read(MemberRef member, string owner) => (member.IsStatic ? member.OwnerType : owner) + "." + NameScope.Escape(member.Name);

    /// <summary>C# that gets a random variable: reads its member, or makes it from its stream.</summary>
    public static string Get(RandomSpec random, string owner) => random switch
    {
        { Member: { } m, MemberIsTensor: true } => $"((global::Tensorgen.RandomVariable){Read(m, owner)})",
        { Member: { } m } => Read(m, owner),
        _ => $"{Read(random.Stream!, owner)}.NewVariable(global::Tensorgen.Distribution.{random.Distribution})",
    };

    /// <summary>A static member's access as the docs show it: its type's name and its own (<c>Graphs.State</c>).</summary>
    public static string Short(string access) => access.StartsWith("global::", System.StringComparison.Ordinal)
        ? string.Join(".", access.Split('.').Reverse().Take(2).Reverse())
        : access;
}
