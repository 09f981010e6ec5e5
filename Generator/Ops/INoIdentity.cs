using System.Collections.Generic;
using Tensorgen.Generator.Graph;

namespace Tensorgen.Generator.Ops;

/// <summary>
/// An op with no value over an empty axis: NumPy raises (max and min have no identity; argmax of an empty
/// sequence). The emitted code checks the operand's axes before any work (<c>LimitCheckWriter.EmptyReductions</c>).
/// </summary>
internal interface INoIdentity
{
    /// <summary>NumPy's words for the error, e.g. "zero-size array to reduction operation maximum which has no identity".</summary>
    string EmptyError { get; }

    /// <summary>How the message names the operation: "max".</summary>
    string Verb { get; }

    /// <summary>The axes of the node's first operand that must not be empty.</summary>
    IReadOnlyList<int> NonEmptyAxes(Node node);
}
