using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Numerics;
using Tensorgen.Tests.Infrastructure;

namespace Tensorgen.Tests.RandomNumbers;

/// <summary>
/// One line of Data/numpy_random.txt (written by make_numpy_random.py from NumPy 1.24): what was
/// drawn, from which seed, in which successive sizes, the values, and the bit generator's state after.
/// </summary>
public sealed record NumPyRandomCase(string Name, string Seed, string[] Sizes, string[] Values, string State)
{
    public string[] Parts => Name.Split('/');

    public ulong SeedValue => ulong.Parse(Seed, CultureInfo.InvariantCulture);

    public double Parameter(int index) => double.Parse(Parts[index], CultureInfo.InvariantCulture);

    public long LongParameter(int index) => long.Parse(Parts[index], CultureInfo.InvariantCulture);

    public double[] Doubles => Values.Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();

    public long[] Longs => Values.Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();

    public ulong[] ULongs => Values.Select(v => ulong.Parse(v, CultureInfo.InvariantCulture)).ToArray();

    public uint[] UInts => Values.Select(v => uint.Parse(v, CultureInfo.InvariantCulture)).ToArray();

    /// <summary>The state NumPy's bit generator was left in.</summary>
    public Pcg64State ExpectedState
    {
        get
        {
            var parts = State.Split(' ');
            return new Pcg64State
            {
                State = UInt128.Parse(parts[0], CultureInfo.InvariantCulture),
                Increment = UInt128.Parse(parts[1], CultureInfo.InvariantCulture),
                HasUInt32 = parts[2] == "1",
                UInteger = uint.Parse(parts[3], CultureInfo.InvariantCulture),
            };
        }
    }

    public override string ToString() => $"{Name} seed={Seed} sizes={string.Join(",", Sizes)}";
}

public static class NumPyRandomData
{
    private static readonly Lazy<NumPyRandomCase[]> All = new(Load);

    public static IEnumerable<NumPyRandomCase> Cases(string prefix) =>
        All.Value.Where(c => c.Name == prefix || c.Name.StartsWith(prefix + "/", StringComparison.Ordinal));

    /// <summary>Case labels for xunit theories (the data itself is looked up again by label).</summary>
    public static TheoryDataOf Labels(string prefix)
    {
        var data = new TheoryDataOf();
        foreach (var c in Cases(prefix)) data.Add(c.Name, c.Seed);
        return data;
    }

    public static NumPyRandomCase Get(string name, string seed) =>
        All.Value.Single(c => c.Name == name && c.Seed == seed);

    private static NumPyRandomCase[] Load()
    {
        var lines = File.ReadAllLines(Repo.File("Tests/Tensorgen.Tests/Data/numpy_random.txt"));
        var cases = new List<NumPyRandomCase>();
        foreach (var line in lines)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var f = line.Split('\t');
            cases.Add(new NumPyRandomCase(f[0], f[1], f[2].Split(','), f[3].Length == 0 ? [] : f[3].Split(' '), f[4]));
        }
        return cases.ToArray();
    }

    /// <summary>NumPy-side digest: Σ (i+1)·0x9E3779B97F4A7C15·bits(vᵢ) mod 2⁶⁴.</summary>
    public static ulong Digest(ReadOnlySpan<ulong> bits)
    {
        ulong sum = 0;
        for (int i = 0; i < bits.Length; i++) sum += (ulong)(i + 1) * 0x9E3779B97F4A7C15UL * bits[i];
        return sum;
    }

    public static ulong Digest(ReadOnlySpan<double> values) =>
        Digest(System.Runtime.InteropServices.MemoryMarshal.Cast<double, ulong>(values));

    public static ulong Digest(ReadOnlySpan<long> values) =>
        Digest(System.Runtime.InteropServices.MemoryMarshal.Cast<long, ulong>(values));
}

/// <summary>Theory rows of (case name, seed).</summary>
public sealed class TheoryDataOf : Xunit.TheoryData<string, string>
{
}
