using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics.Tensors;
using System.Reflection;

namespace Tensorgen.Tests.Api;

/// <summary>
/// Every public member of <see cref="Pt"/>, read by reflection from the runtime assembly (so members added later
/// are covered without editing this file), each written as a user would write a use of it.
/// </summary>
internal static class PtSurface
{
    /// <summary>The locals the generated statements use, declared by the method that holds them.</summary>
    public const string Parameters = "TensorVariable x, Tensor<double> values, Shared<double> shared";

    public static IReadOnlyList<MethodInfo> Methods { get; } = typeof(Pt)
        .GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)
        .Where(m => !m.IsSpecialName)
        .OrderBy(m => m.Name, StringComparer.Ordinal).ThenBy(m => m.ToString(), StringComparer.Ordinal)
        .ToList();

    public static IReadOnlyList<PropertyInfo> Properties { get; } = typeof(Pt)
        .GetProperties(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)
        .OrderBy(p => p.Name, StringComparer.Ordinal)
        .ToList();

    /// <summary>
    /// One statement per method overload and property: <c>_ = Stack([x, x]);</c>, with <paramref name="qualifier"/>
    /// before each name (<c>""</c> for <c>using static Tensorgen.Pt;</c>, <c>"Pt."</c> for the qualified style).
    /// Arguments are given for the required parameters (a <c>params</c> one is required), as literals of the parameter's type so that the
    /// call means that overload.
    /// </summary>
    public static IEnumerable<string> Statements(string qualifier)
    {
        foreach (var method in Methods)
        {
            // Where another overload takes the same required parameters (Grad(cost, wrt[]) and Grad(cost, params wrt[])),
            // this one is reached as a user reaches it: with its optional parameters, by name.
            bool shadowed = Methods.Any(other => other != method && other.Name == method.Name && Required(other).SequenceEqual(Required(method))
                && !method.GetParameters().Any(p => p.IsDefined(typeof(ParamArrayAttribute))));
            var arguments = method.GetParameters().Where(p => !p.IsOptional || shadowed)
                .Select(p => p.IsOptional ? $"{p.Name}: {Argument(Closed(p.ParameterType))}" : Argument(p));
            yield return $"_ = {qualifier}{method.Name}({string.Join(", ", arguments)});";
        }
        foreach (var property in Properties)
            yield return $"_ = {qualifier}{property.Name};";
    }

    private static IEnumerable<Type> Required(MethodInfo method) => method.GetParameters().Where(p => !p.IsOptional).Select(p => p.ParameterType);

    /// <summary>A <c>params</c> parameter gets two arguments in its expanded form (<c>Grad(cost, w, b)</c>).</summary>
    private static string Argument(ParameterInfo parameter)
    {
        var type = Closed(parameter.ParameterType);
        if (!parameter.IsDefined(typeof(ParamArrayAttribute))) return Argument(type);
        string element = Argument(type.GetElementType()!);
        return element + ", " + element;
    }

    /// <summary>A generic method's type parameters taken as double (every Pt type parameter admits it).</summary>
    private static Type Closed(Type type) =>
        type.IsGenericParameter ? typeof(double)
        : type.IsArray ? (type.GetArrayRank() == 1 ? Closed(type.GetElementType()!).MakeArrayType() : Closed(type.GetElementType()!).MakeArrayType(type.GetArrayRank()))
        : type.IsGenericType && type.ContainsGenericParameters ? type.GetGenericTypeDefinition().MakeGenericType(type.GetGenericArguments().Select(Closed).ToArray())
        : type;

    /// <summary>An argument of exactly <paramref name="type"/>, written as user code would write it where a form is known.</summary>
    private static string Argument(Type type)
    {
        if (type == typeof(TensorVariable)) return "x";
        if (type == typeof(TensorVariable[])) return "[x, x]";
        if (type == typeof(In[])) return "[x]";
        if (type == typeof(string)) return "\"a\"";
        if (type == typeof(DType)) return "DType.Float64";
        if (type == typeof(int?[])) return "[2]";
        if (type == typeof(int[])) return "[0]";
        if (type == typeof(int)) return "0";
        if (type == typeof(long)) return "0L";
        if (type == typeof(double)) return "1.0";
        if (type == typeof(float)) return "1f";
        if (type == typeof(bool)) return "false";
        if (type == typeof(Tensor<double>)) return "values";
        if (type == typeof(Shared<double>)) return "shared";
        if (type == typeof(double[])) return "new double[] { 1 }";
        if (type.IsArray && type.GetElementType() == typeof(double))
            return $"new double[{string.Join(", ", Enumerable.Repeat("1", type.GetArrayRank()))}]";
        // Any other type: a typed default, which still means this overload.
        return $"default({CSharpName(type)})";
    }

    private static string CSharpName(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying) return CSharpName(underlying) + "?";
        if (type.IsArray) return CSharpName(type.GetElementType()!) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
        if (!type.IsGenericType) return "global::" + type.FullName!.Replace('+', '.');
        string name = type.GetGenericTypeDefinition().FullName!;
        name = name.Substring(0, name.IndexOf('`')).Replace('+', '.');
        return $"global::{name}<{string.Join(", ", type.GetGenericArguments().Select(CSharpName))}>";
    }
}
