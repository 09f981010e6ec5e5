using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics.Tensors;
using System.Text;

namespace Tensorgen;

/// <summary>
/// Prints tensors exactly as NumPy 1.24 does (<c>repr</c> and <c>str</c>, default print options:
/// precision 8, line width 75, summarised beyond 1000 elements), so Tensorgen output can be laid
/// beside a PyTensor session line by line.
/// </summary>
public static class NumPy
{
    private const int LineWidth = 75;
    private const int Threshold = 1000;
    private const int EdgeItems = 3;
    private const int Precision = 8;

    /// <summary>NumPy's <c>repr</c>: <c>array([[0.5       , 0.73105858], ...])</c>.</summary>
    public static string Repr<T>(Tensor<T> tensor) => Repr(Flatten(tensor), Lengths(tensor));

    /// <summary>NumPy's <c>str</c> (what <c>print</c> shows): <c>[[0.5        0.73105858] ...]</c>.</summary>
    public static string Str<T>(Tensor<T> tensor) => Str(Flatten(tensor), Lengths(tensor));

    /// <summary>The <c>repr</c> of a 0-d array: <c>array(34.)</c>.</summary>
    public static string Repr<T>(T scalar) => Repr(new[] { scalar }, Array.Empty<nint>());

    /// <summary>The <c>str</c> of a 0-d array, as Python prints the scalar: <c>34.0</c>.</summary>
    public static string Str<T>(T scalar) => Scalar(scalar);

    /// <summary>The <c>repr</c> of a row-major buffer with the given shape.</summary>
    public static string Repr<T>(ReadOnlySpan<T> data, ReadOnlySpan<nint> shape)
    {
        string dtype = DTypeName<T>();
        bool showDType = dtype is not ("float64" or "int64" or "bool");
        long size = Size(shape);
        if (size == 0 && shape.Length > 0)
        {
            string shapeText = shape.Length == 1 ? "" : $"shape={ShapeText(shape)}, ";
            return $"array([], {shapeText}dtype={dtype})";
        }
        string body;
        if (shape.Length == 0)
        {
            var f = Formatter(data.ToArray(), isZeroD: true);
            body = f(data[0]);
        }
        else
        {
            body = FormatArray(data.ToArray(), shape.ToArray(), ", ", LineWidth - 1, "       ");
        }
        if (!showDType) return "array(" + body + ")";
        string suffix = "dtype=" + dtype + ")";
        int lastLine = body.Length - body.LastIndexOf('\n') - 1;
        string spacer = ("array(".Length + lastLine + 2 + suffix.Length > LineWidth) ? "\n" + new string(' ', "array(".Length) : " ";
        return "array(" + body + "," + spacer + suffix;
    }

    /// <summary>The <c>str</c> of a row-major buffer with the given shape.</summary>
    public static string Str<T>(ReadOnlySpan<T> data, ReadOnlySpan<nint> shape)
    {
        if (shape.Length == 0) return Scalar(data[0]);
        if (Size(shape) == 0) return "[]";
        return FormatArray(data.ToArray(), shape.ToArray(), " ", LineWidth, " ");
    }

    private static T[] Flatten<T>(Tensor<T> tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        var data = new T[tensor.FlattenedLength];
        tensor.FlattenTo(data);
        return data;
    }

    private static nint[] Lengths<T>(Tensor<T> tensor) => tensor.Lengths.ToArray();

    private static long Size(ReadOnlySpan<nint> shape)
    {
        long size = 1;
        foreach (var d in shape) size *= d;
        return size;
    }

    private static string ShapeText(ReadOnlySpan<nint> shape) =>
        shape.Length == 1 ? $"({shape[0]},)" : "(" + string.Join(", ", shape.ToArray().Select(d => d.ToString(CultureInfo.InvariantCulture))) + ")";

    private static string DTypeName<T>() => typeof(T) == typeof(double) ? "float64" : typeof(T) == typeof(float) ? "float32"
        : typeof(T) == typeof(long) ? "int64" : typeof(T) == typeof(int) ? "int32" : typeof(T) == typeof(bool) ? "bool"
        : typeof(T) == typeof(sbyte) ? "int8" : typeof(T) == typeof(short) ? "int16" : typeof(T) == typeof(byte) ? "uint8" : typeof(T).Name;

    /// <summary>Python's <c>str</c> of a NumPy scalar.</summary>
    private static string Scalar<T>(T value) => value switch
    {
        double d => PythonFloat(d),
        float f => PythonFloat(f, single: true),
        bool b => b ? "True" : "False",
        IFormattable x => x.ToString(null, CultureInfo.InvariantCulture),
        _ => value?.ToString() ?? "None",
    };

    /// <summary>Python's float repr: shortest round-trip digits, exponent below 1e-4 or from 1e16.</summary>
    private static string PythonFloat(double value, bool single = false)
    {
        if (double.IsNaN(value)) return "nan";
        if (double.IsInfinity(value)) return value > 0 ? "inf" : "-inf";
        var (negative, digits, point) = ShortestDigits(value, single);
        string sign = negative ? "-" : "";
        if (point > 16 || point < -3)
        {
            string mantissa = digits.Length == 1 ? digits : digits[0] + "." + digits.Substring(1);
            int exponent = point - 1;
            return $"{sign}{mantissa}e{(exponent < 0 ? "-" : "+")}{Math.Abs(exponent):00}";
        }
        if (point <= 0) return sign + "0." + new string('0', -point) + digits;
        if (point >= digits.Length) return sign + digits + new string('0', point - digits.Length) + ".0";
        return sign + digits.Substring(0, point) + "." + digits.Substring(point);
    }

    /// <summary>The shortest decimal digits that round-trip, and where the decimal point goes.</summary>
    private static (bool Negative, string Digits, int Point) ShortestDigits(double value, bool single)
    {
        string r = single ? ((float)value).ToString("R", CultureInfo.InvariantCulture) : value.ToString("R", CultureInfo.InvariantCulture);
        bool negative = r.StartsWith("-", StringComparison.Ordinal) || (value == 0 && double.IsNegative(value));
        r = r.TrimStart('-');
        int exp = 0;
        int e = r.IndexOfAny(new[] { 'E', 'e' });
        if (e >= 0)
        {
            exp = int.Parse(r.Substring(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            r = r.Substring(0, e);
        }
        int dot = r.IndexOf('.');
        string digits = dot < 0 ? r : r.Remove(dot, 1);
        int point = (dot < 0 ? r.Length : dot) + exp;
        int lead = 0;
        while (lead < digits.Length - 1 && digits[lead] == '0') lead++;
        digits = digits.Substring(lead);
        point -= lead;
        digits = digits.TrimEnd('0');
        if (digits.Length == 0) return (negative, "0", 1);
        return (negative, digits, point);
    }

    // ---- NumPy's _formatArray -------------------------------------------------------------------

    private static string FormatArray<T>(T[] data, nint[] shape, string separator, int lineWidth, string nextLinePrefix)
    {
        bool summarize = data.Length > Threshold;
        var shown = summarize ? ShownElements(data, shape) : data;
        var format = Formatter(shown, isZeroD: false);
        var strides = new long[shape.Length];
        long stride = 1;
        for (int d = shape.Length - 1; d >= 0; d--)
        {
            strides[d] = stride;
            stride *= shape[d];
        }
        return Recurse(0, 0, nextLinePrefix, lineWidth);

        string Recurse(int axis, long offset, string hangingIndent, int currentWidth)
        {
            int axesLeft = shape.Length - axis;
            if (axesLeft == 0) return format(data[offset]);
            string nextIndent = hangingIndent + " ";
            int nextWidth = currentWidth - 1;
            long length = shape[axis];
            bool summary = summarize && 2 * EdgeItems < length;
            long leading = summary ? EdgeItems : 0, trailing = summary ? EdgeItems : length;
            var s = new StringBuilder();
            if (axesLeft == 1)
            {
                int elementWidth = currentWidth - Math.Max(separator.TrimEnd().Length, 1);
                string line = hangingIndent;
                for (long i = 0; i < leading; i++)
                {
                    line = Extend(s, line, Recurse(axis + 1, offset + i * strides[axis], nextIndent, nextWidth), elementWidth, hangingIndent);
                    line += separator;
                }
                if (summary)
                {
                    line = Extend(s, line, "...", elementWidth, hangingIndent);
                    line += separator;
                }
                for (long i = trailing; i > 1; i--)
                {
                    line = Extend(s, line, Recurse(axis + 1, offset + (length - i) * strides[axis], nextIndent, nextWidth), elementWidth, hangingIndent);
                    line += separator;
                }
                line = Extend(s, line, Recurse(axis + 1, offset + (length - 1) * strides[axis], nextIndent, nextWidth), elementWidth, hangingIndent);
                s.Append(line);
            }
            else
            {
                string lineSeparator = separator.TrimEnd() + new string('\n', axesLeft - 1);
                for (long i = 0; i < leading; i++)
                    s.Append(hangingIndent).Append(Recurse(axis + 1, offset + i * strides[axis], nextIndent, nextWidth)).Append(lineSeparator);
                if (summary) s.Append(hangingIndent).Append("...").Append(lineSeparator);
                for (long i = trailing; i > 1; i--)
                    s.Append(hangingIndent).Append(Recurse(axis + 1, offset + (length - i) * strides[axis], nextIndent, nextWidth)).Append(lineSeparator);
                s.Append(hangingIndent).Append(Recurse(axis + 1, offset + (length - 1) * strides[axis], nextIndent, nextWidth));
            }
            return "[" + s.ToString().Substring(hangingIndent.Length) + "]";
        }
    }

    private static string Extend(StringBuilder s, string line, string word, int lineWidth, string nextLinePrefix)
    {
        // Words spanning lines (nested arrays) wrap by their first line.
        int wordWidth = word.IndexOf('\n') is var nl and >= 0 ? nl : word.Length;
        bool wrap = line.Length + wordWidth > lineWidth && line.Length > nextLinePrefix.Length;
        if (wrap)
        {
            s.Append(line.TrimEnd()).Append('\n');
            line = nextLinePrefix;
        }
        return line + word;
    }

    /// <summary>The elements a summarised print shows: the first and last three along every axis.</summary>
    private static T[] ShownElements<T>(T[] data, nint[] shape)
    {
        var result = new List<T>();
        var strides = new long[shape.Length];
        long stride = 1;
        for (int d = shape.Length - 1; d >= 0; d--)
        {
            strides[d] = stride;
            stride *= shape[d];
        }
        void Walk(int axis, long offset)
        {
            if (axis == shape.Length)
            {
                result.Add(data[offset]);
                return;
            }
            long n = shape[axis];
            for (long i = 0; i < n; i++)
            {
                if (n > 2 * EdgeItems && i == EdgeItems) i = n - EdgeItems;
                Walk(axis + 1, offset + i * strides[axis]);
            }
        }
        Walk(0, 0);
        return result.ToArray();
    }

    // ---- Element formats: NumPy's BoolFormat, IntegerFormat, FloatingFormat -----------------------

    private static Func<T, string> Formatter<T>(T[] data, bool isZeroD)
    {
        if (typeof(T) == typeof(bool))
        {
            string trueText = isZeroD ? "True" : " True";
            return v => (bool)(object)v! ? trueText : "False";
        }
        if (typeof(T) == typeof(double) || typeof(T) == typeof(float))
        {
            bool single = typeof(T) == typeof(float);
            var f = new FloatFormat(data.Select(v => Convert.ToDouble(v, CultureInfo.InvariantCulture)).ToArray(), single);
            return v => f.Format(Convert.ToDouble(v, CultureInfo.InvariantCulture));
        }
        var texts = data.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "").ToArray();
        int width = texts.Length == 0 ? 0 : texts.Max(t => t.Length);
        return v => (Convert.ToString(v, CultureInfo.InvariantCulture) ?? "").PadLeft(width);
    }

    private sealed class FloatFormat
    {
        private readonly bool _single;
        private readonly bool _exponential;
        private readonly int _padLeft;
        private readonly int _padRight;
        private readonly int _precision;
        private readonly int _exponentSize;

        public FloatFormat(double[] data, bool single)
        {
            _single = single;
            _precision = Precision;
            var finite = data.Where(double.IsFinite).ToArray();
            var nonZero = finite.Where(v => v != 0).Select(Math.Abs).ToArray();
            if (nonZero.Length > 0)
            {
                double max = nonZero.Max(), min = nonZero.Min();
                _exponential = max >= 1e8 || min < 0.0001 || max / min > 1000;
            }
            if (finite.Length == 0)
            {
                _padLeft = 0;
                _padRight = 0;
            }
            else if (_exponential)
            {
                var parts = finite.Select(v => Scientific(v, Precision, 0)).ToArray();
                var mantissas = parts.Select(p => p.Substring(0, p.IndexOf('e'))).ToArray();
                _exponentSize = parts.Max(p => p.Length - p.IndexOf('e') - 1) - 1;
                _precision = mantissas.Max(m => m.Length - m.IndexOf('.') - 1);
                _padLeft = mantissas.Max(m => m.IndexOf('.'));
                _padRight = _exponentSize + 2 + _precision;
            }
            else
            {
                var parts = finite.Select(v => Positional(v, Precision)).ToArray();
                _padLeft = parts.Max(p => p.IndexOf('.'));
                _padRight = parts.Max(p => p.Length - p.IndexOf('.') - 1);
            }
            if (finite.Length != data.Length)
            {
                bool negativeInfinity = data.Any(v => double.IsNegativeInfinity(v));
                int offset = _padRight + 1;
                _padLeft = Math.Max(_padLeft, Math.Max(3 - offset, 3 + (negativeInfinity ? 1 : 0) - offset));
            }
        }

        public string Format(double value)
        {
            if (!double.IsFinite(value))
            {
                string text = double.IsNaN(value) ? "nan" : value < 0 ? "-inf" : "inf";
                return text.PadLeft(_padLeft + _padRight + 1);
            }
            if (_exponential)
            {
                string s = Scientific(value, _precision, _precision, _exponentSize);
                int dot = s.IndexOf('.');
                return new string(' ', Math.Max(0, _padLeft - dot)) + s;
            }
            string p = Positional(value, _precision);
            int point = p.IndexOf('.');
            int fraction = p.Length - point - 1;
            return new string(' ', Math.Max(0, _padLeft - point)) + p + new string(' ', Math.Max(0, _padRight - fraction));
        }

        /// <summary>Dragon4 positional, unique digits cut at <paramref name="precision"/> places, zeros trimmed, '.' kept.</summary>
        private string Positional(double value, int precision)
        {
            var (negative, digits, point) = ShortestDigits(value, _single);
            int fractionDigits = Math.Max(0, digits.Length - point);
            string text;
            if (fractionDigits > precision)
            {
                // Round the exact binary value, as Dragon4 does with a cutoff.
                text = Math.Abs(value).ToString("F" + precision.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture).TrimEnd('0');
            }
            else
            {
                string integer = point <= 0 ? "0" : digits.Length >= point ? digits.Substring(0, point) : digits + new string('0', point - digits.Length);
                string fraction = point < 0 ? new string('0', -point) + digits : digits.Length > point ? digits.Substring(Math.Max(point, 0)) : "";
                text = integer + "." + fraction;
            }
            if (digits == "0") text = "0.";
            return (negative ? "-" : "") + text;
        }

        /// <summary>Dragon4 scientific: <c>1.23456789e-05</c>; at least <paramref name="minDigits"/> fraction digits.</summary>
        private string Scientific(double value, int precision, int minDigits, int exponentSize = 2)
        {
            var (negative, digits, point) = ShortestDigits(value, _single);
            int exponent = point - 1;
            if (digits.Length - 1 > precision)
            {
                string e = Math.Abs(value).ToString("E" + precision.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
                int ePos = e.IndexOf('E');
                exponent = int.Parse(e.Substring(ePos + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                digits = e.Substring(0, ePos).Replace(".", "").TrimEnd('0');
                if (digits.Length == 0) digits = "0";
            }
            if (digits == "0") exponent = 0;
            string fraction = digits.Substring(1).PadRight(minDigits, '0');
            string exp = Math.Abs(exponent).ToString(CultureInfo.InvariantCulture).PadLeft(Math.Max(exponentSize, 2), '0');
            return (negative ? "-" : "") + digits[0] + "." + fraction + "e" + (exponent < 0 ? "-" : "+") + exp;
        }
    }
}
