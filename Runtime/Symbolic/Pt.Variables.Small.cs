
namespace Tensorgen;

// The int8 and int16 constructors PyTensor exports (pt.bscalar, pt.wvector, ...). PyTensor has no wmatrix among
// them (use Matrix(name, DType.Int16)), no plural forms, and no shortcut for uint8 (Tensor(name, DType.UInt8, shape)).
public static partial class Pt
{
    /// <summary>A new symbolic int8 input: a scalar (0-d) (PyTensor's <c>bscalar</c>).</summary>
    [Builtin(Builtin.Variable, rank: 0, dtype: (int)DType.Int8, broadcastable: 0)]
    public static TensorVariable BScalar(string? name = null) => Inert.Variable;
    /// <summary>A new symbolic int8 input: a vector (PyTensor's <c>bvector</c>).</summary>
    [Builtin(Builtin.Variable, rank: 1, dtype: (int)DType.Int8, broadcastable: 0)]
    public static TensorVariable BVector(string? name = null) => Inert.Variable;
    /// <summary>A new symbolic int8 input: a matrix (PyTensor's <c>bmatrix</c>).</summary>
    [Builtin(Builtin.Variable, rank: 2, dtype: (int)DType.Int8, broadcastable: 0)]
    public static TensorVariable BMatrix(string? name = null) => Inert.Variable;
    /// <summary>A new symbolic int8 input: a row: a matrix of shape (1, n) that broadcasts along its rows (PyTensor's <c>brow</c>).</summary>
    [Builtin(Builtin.Variable, rank: 2, dtype: (int)DType.Int8, broadcastable: 1)]
    public static TensorVariable BRow(string? name = null) => Inert.Variable;
    /// <summary>A new symbolic int8 input: a column: a matrix of shape (n, 1) that broadcasts along its columns (PyTensor's <c>bcol</c>).</summary>
    [Builtin(Builtin.Variable, rank: 2, dtype: (int)DType.Int8, broadcastable: 2)]
    public static TensorVariable BCol(string? name = null) => Inert.Variable;
    /// <summary>A new symbolic int8 input: a 3-d tensor (PyTensor's <c>btensor3</c>).</summary>
    [Builtin(Builtin.Variable, rank: 3, dtype: (int)DType.Int8, broadcastable: 0)]
    public static TensorVariable BTensor3(string? name = null) => Inert.Variable;
    /// <summary>A new symbolic int8 input: a 4-d tensor (PyTensor's <c>btensor4</c>).</summary>
    [Builtin(Builtin.Variable, rank: 4, dtype: (int)DType.Int8, broadcastable: 0)]
    public static TensorVariable BTensor4(string? name = null) => Inert.Variable;
    /// <summary>A new symbolic int16 input: a scalar (0-d) (PyTensor's <c>wscalar</c>).</summary>
    [Builtin(Builtin.Variable, rank: 0, dtype: (int)DType.Int16, broadcastable: 0)]
    public static TensorVariable WScalar(string? name = null) => Inert.Variable;
    /// <summary>A new symbolic int16 input: a vector (PyTensor's <c>wvector</c>).</summary>
    [Builtin(Builtin.Variable, rank: 1, dtype: (int)DType.Int16, broadcastable: 0)]
    public static TensorVariable WVector(string? name = null) => Inert.Variable;
    /// <summary>A new symbolic int16 input: a row: a matrix of shape (1, n) that broadcasts along its rows (PyTensor's <c>wrow</c>).</summary>
    [Builtin(Builtin.Variable, rank: 2, dtype: (int)DType.Int16, broadcastable: 1)]
    public static TensorVariable WRow(string? name = null) => Inert.Variable;
    /// <summary>A new symbolic int16 input: a column: a matrix of shape (n, 1) that broadcasts along its columns (PyTensor's <c>wcol</c>).</summary>
    [Builtin(Builtin.Variable, rank: 2, dtype: (int)DType.Int16, broadcastable: 2)]
    public static TensorVariable WCol(string? name = null) => Inert.Variable;
    /// <summary>A new symbolic int16 input: a 3-d tensor (PyTensor's <c>wtensor3</c>).</summary>
    [Builtin(Builtin.Variable, rank: 3, dtype: (int)DType.Int16, broadcastable: 0)]
    public static TensorVariable WTensor3(string? name = null) => Inert.Variable;
    /// <summary>A new symbolic int16 input: a 4-d tensor (PyTensor's <c>wtensor4</c>).</summary>
    [Builtin(Builtin.Variable, rank: 4, dtype: (int)DType.Int16, broadcastable: 0)]
    public static TensorVariable WTensor4(string? name = null) => Inert.Variable;
}
