using System;
using System.Text;
using Tensorgen.Generator.Model;

namespace Tensorgen.Generator.Emit;

/// <summary>Writes indented C#; <see cref="Block"/> opens a brace scope closed by disposing it.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _text = new();
    private readonly int _maxLength;
    private int _indent;

    /// <param name="maxLength">The most characters it writes: more is a <see cref="GeneratorLimitException"/>.</param>
    public SourceWriter(int maxLength = 0) => _maxLength = maxLength > 0 ? maxLength : GeneratorLimits.Default.MaxSourceLength;

    public SourceWriter Line(string line = "")
    {
        if (line.Length > 0) _text.Append(' ', _indent * 4).Append(line);
        _text.Append('\n');
        if (_text.Length > _maxLength) throw GeneratorLimitException.SourceLength(_maxLength);
        return this;
    }

    public IDisposable Block(string header)
    {
        Line(header);
        Line("{");
        _indent++;
        return new Scope(this);
    }

    public override string ToString() => _text.ToString();

    /// <summary>Escapes text for an XML doc comment.</summary>
    public static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>A C# string literal.</summary>
    public static string String(string text) =>
        "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n").Replace("\r", "\\r") + "\"";

    private sealed class Scope(SourceWriter writer) : IDisposable
    {
        public void Dispose()
        {
            writer._indent--;
            writer.Line("}");
        }
    }
}
