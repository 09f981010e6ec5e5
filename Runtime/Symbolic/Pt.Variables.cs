
namespace Tensorgen;

// Variable constructors, named as PyTensor's (pt.dmatrix -> Pt.DMatrix). Generated once by a script;
// each is tagged with the rank, dtype and broadcast pattern the generator gives the new input.
public static partial class Pt
{
    /// <summary>A new symbolic input: a scalar (0-d), float64 unless <paramref name="dtype"/> says otherwise.</summary>
    [Builtin(Builtin.Variable, rank: 0, broadcastable: 0)]
    public static TensorVariable Scalar(string? name = null, DType dtype = DType.Float64) => Inert.Variable;
    /// <summary>A new symbolic float64 input: a scalar (0-d).</summary>
    [Builtin(Builtin.Variable, rank: 0, dtype: (int)DType.Float64, broadcastable: 0)]
    public static TensorVariable DScalar(string? name = null) => Inert.Variable;
    /// <summary>New symbolic float64 inputs, one per name: a scalar (0-d).</summary>
    [Builtin(Builtin.Variables, rank: 0, dtype: (int)DType.Float64, broadcastable: 0)]
    public static Variables DScalars(params string[] names) => default;
    /// <summary>A new symbolic float32 input: a scalar (0-d).</summary>
    [Builtin(Builtin.Variable, rank: 0, dtype: (int)DType.Float32, broadcastable: 0)]
    public static TensorVariable FScalar(string? name = null) => Inert.Variable;
    /// <summary>New symbolic float32 inputs, one per name: a scalar (0-d).</summary>
    [Builtin(Builtin.Variables, rank: 0, dtype: (int)DType.Float32, broadcastable: 0)]
    public static Variables FScalars(params string[] names) => default;
    /// <summary>A new symbolic int32 input: a scalar (0-d).</summary>
    [Builtin(Builtin.Variable, rank: 0, dtype: (int)DType.Int32, broadcastable: 0)]
    public static TensorVariable IScalar(string? name = null) => Inert.Variable;
    /// <summary>New symbolic int32 inputs, one per name: a scalar (0-d).</summary>
    [Builtin(Builtin.Variables, rank: 0, dtype: (int)DType.Int32, broadcastable: 0)]
    public static Variables IScalars(params string[] names) => default;
    /// <summary>A new symbolic int64 input: a scalar (0-d).</summary>
    [Builtin(Builtin.Variable, rank: 0, dtype: (int)DType.Int64, broadcastable: 0)]
    public static TensorVariable LScalar(string? name = null) => Inert.Variable;
    /// <summary>New symbolic int64 inputs, one per name: a scalar (0-d).</summary>
    [Builtin(Builtin.Variables, rank: 0, dtype: (int)DType.Int64, broadcastable: 0)]
    public static Variables LScalars(params string[] names) => default;
    /// <summary>A new symbolic input: a vector, float64 unless <paramref name="dtype"/> says otherwise.</summary>
    [Builtin(Builtin.Variable, rank: 1, broadcastable: 0)]
    public static TensorVariable Vector(string? name = null, DType dtype = DType.Float64) => Inert.Variable;
    /// <summary>A new symbolic float64 input: a vector.</summary>
    [Builtin(Builtin.Variable, rank: 1, dtype: (int)DType.Float64, broadcastable: 0)]
    public static TensorVariable DVector(string? name = null) => Inert.Variable;
    /// <summary>New symbolic float64 inputs, one per name: a vector.</summary>
    [Builtin(Builtin.Variables, rank: 1, dtype: (int)DType.Float64, broadcastable: 0)]
    public static Variables DVectors(params string[] names) => default;
    /// <summary>A new symbolic float32 input: a vector.</summary>
    [Builtin(Builtin.Variable, rank: 1, dtype: (int)DType.Float32, broadcastable: 0)]
    public static TensorVariable FVector(string? name = null) => Inert.Variable;
    /// <summary>New symbolic float32 inputs, one per name: a vector.</summary>
    [Builtin(Builtin.Variables, rank: 1, dtype: (int)DType.Float32, broadcastable: 0)]
    public static Variables FVectors(params string[] names) => default;
    /// <summary>A new symbolic int32 input: a vector.</summary>
    [Builtin(Builtin.Variable, rank: 1, dtype: (int)DType.Int32, broadcastable: 0)]
    public static TensorVariable IVector(string? name = null) => Inert.Variable;
    /// <summary>New symbolic int32 inputs, one per name: a vector.</summary>
    [Builtin(Builtin.Variables, rank: 1, dtype: (int)DType.Int32, broadcastable: 0)]
    public static Variables IVectors(params string[] names) => default;
    /// <summary>A new symbolic int64 input: a vector.</summary>
    [Builtin(Builtin.Variable, rank: 1, dtype: (int)DType.Int64, broadcastable: 0)]
    public static TensorVariable LVector(string? name = null) => Inert.Variable;
    /// <summary>New symbolic int64 inputs, one per name: a vector.</summary>
    [Builtin(Builtin.Variables, rank: 1, dtype: (int)DType.Int64, broadcastable: 0)]
    public static Variables LVectors(params string[] names) => default;
    /// <summary>A new symbolic input: a matrix, float64 unless <paramref name="dtype"/> says otherwise.</summary>
    [Builtin(Builtin.Variable, rank: 2, broadcastable: 0)]
    public static TensorVariable Matrix(string? name = null, DType dtype = DType.Float64) => Inert.Variable;
    /// <summary>A new symbolic float64 input: a matrix.</summary>
    [Builtin(Builtin.Variable, rank: 2, dtype: (int)DType.Float64, broadcastable: 0)]
    public static TensorVariable DMatrix(string? name = null) => Inert.Variable;
    /// <summary>New symbolic float64 inputs, one per name: a matrix.</summary>
    [Builtin(Builtin.Variables, rank: 2, dtype: (int)DType.Float64, broadcastable: 0)]
    public static Variables DMatrices(params string[] names) => default;
    /// <summary>A new symbolic float32 input: a matrix.</summary>
    [Builtin(Builtin.Variable, rank: 2, dtype: (int)DType.Float32, broadcastable: 0)]
    public static TensorVariable FMatrix(string? name = null) => Inert.Variable;
    /// <summary>New symbolic float32 inputs, one per name: a matrix.</summary>
    [Builtin(Builtin.Variables, rank: 2, dtype: (int)DType.Float32, broadcastable: 0)]
    public static Variables FMatrices(params string[] names) => default;
    /// <summary>A new symbolic int32 input: a matrix.</summary>
    [Builtin(Builtin.Variable, rank: 2, dtype: (int)DType.Int32, broadcastable: 0)]
    public static TensorVariable IMatrix(string? name = null) => Inert.Variable;
    /// <summary>New symbolic int32 inputs, one per name: a matrix.</summary>
    [Builtin(Builtin.Variables, rank: 2, dtype: (int)DType.Int32, broadcastable: 0)]
    public static Variables IMatrices(params string[] names) => default;
    /// <summary>A new symbolic int64 input: a matrix.</summary>
    [Builtin(Builtin.Variable, rank: 2, dtype: (int)DType.Int64, broadcastable: 0)]
    public static TensorVariable LMatrix(string? name = null) => Inert.Variable;
    /// <summary>New symbolic int64 inputs, one per name: a matrix.</summary>
    [Builtin(Builtin.Variables, rank: 2, dtype: (int)DType.Int64, broadcastable: 0)]
    public static Variables LMatrices(params string[] names) => default;
    /// <summary>A new symbolic input: a row: a matrix of shape (1, n) that broadcasts along its rows, float64 unless <paramref name="dtype"/> says otherwise.</summary>
    [Builtin(Builtin.Variable, rank: 2, broadcastable: 1)]
    public static TensorVariable Row(string? name = null, DType dtype = DType.Float64) => Inert.Variable;
    /// <summary>A new symbolic float64 input: a row: a matrix of shape (1, n) that broadcasts along its rows.</summary>
    [Builtin(Builtin.Variable, rank: 2, dtype: (int)DType.Float64, broadcastable: 1)]
    public static TensorVariable DRow(string? name = null) => Inert.Variable;
    /// <summary>New symbolic float64 inputs, one per name: a row: a matrix of shape (1, n) that broadcasts along its rows.</summary>
    [Builtin(Builtin.Variables, rank: 2, dtype: (int)DType.Float64, broadcastable: 1)]
    public static Variables DRows(params string[] names) => default;
    /// <summary>A new symbolic float32 input: a row: a matrix of shape (1, n) that broadcasts along its rows.</summary>
    [Builtin(Builtin.Variable, rank: 2, dtype: (int)DType.Float32, broadcastable: 1)]
    public static TensorVariable FRow(string? name = null) => Inert.Variable;
    /// <summary>New symbolic float32 inputs, one per name: a row: a matrix of shape (1, n) that broadcasts along its rows.</summary>
    [Builtin(Builtin.Variables, rank: 2, dtype: (int)DType.Float32, broadcastable: 1)]
    public static Variables FRows(params string[] names) => default;
    /// <summary>A new symbolic int32 input: a row: a matrix of shape (1, n) that broadcasts along its rows.</summary>
    [Builtin(Builtin.Variable, rank: 2, dtype: (int)DType.Int32, broadcastable: 1)]
    public static TensorVariable IRow(string? name = null) => Inert.Variable;
    /// <summary>New symbolic int32 inputs, one per name: a row: a matrix of shape (1, n) that broadcasts along its rows.</summary>
    [Builtin(Builtin.Variables, rank: 2, dtype: (int)DType.Int32, broadcastable: 1)]
    public static Variables IRows(params string[] names) => default;
    /// <summary>A new symbolic int64 input: a row: a matrix of shape (1, n) that broadcasts along its rows.</summary>
    [Builtin(Builtin.Variable, rank: 2, dtype: (int)DType.Int64, broadcastable: 1)]
    public static TensorVariable LRow(string? name = null) => Inert.Variable;
    /// <summary>New symbolic int64 inputs, one per name: a row: a matrix of shape (1, n) that broadcasts along its rows.</summary>
    [Builtin(Builtin.Variables, rank: 2, dtype: (int)DType.Int64, broadcastable: 1)]
    public static Variables LRows(params string[] names) => default;
    /// <summary>A new symbolic input: a column: a matrix of shape (n, 1) that broadcasts along its columns, float64 unless <paramref name="dtype"/> says otherwise.</summary>
    [Builtin(Builtin.Variable, rank: 2, broadcastable: 2)]
    public static TensorVariable Col(string? name = null, DType dtype = DType.Float64) => Inert.Variable;
    /// <summary>A new symbolic float64 input: a column: a matrix of shape (n, 1) that broadcasts along its columns.</summary>
    [Builtin(Builtin.Variable, rank: 2, dtype: (int)DType.Float64, broadcastable: 2)]
    public static TensorVariable DCol(string? name = null) => Inert.Variable;
    /// <summary>New symbolic float64 inputs, one per name: a column: a matrix of shape (n, 1) that broadcasts along its columns.</summary>
    [Builtin(Builtin.Variables, rank: 2, dtype: (int)DType.Float64, broadcastable: 2)]
    public static Variables DCols(params string[] names) => default;
    /// <summary>A new symbolic float32 input: a column: a matrix of shape (n, 1) that broadcasts along its columns.</summary>
    [Builtin(Builtin.Variable, rank: 2, dtype: (int)DType.Float32, broadcastable: 2)]
    public static TensorVariable FCol(string? name = null) => Inert.Variable;
    /// <summary>New symbolic float32 inputs, one per name: a column: a matrix of shape (n, 1) that broadcasts along its columns.</summary>
    [Builtin(Builtin.Variables, rank: 2, dtype: (int)DType.Float32, broadcastable: 2)]
    public static Variables FCols(params string[] names) => default;
    /// <summary>A new symbolic int32 input: a column: a matrix of shape (n, 1) that broadcasts along its columns.</summary>
    [Builtin(Builtin.Variable, rank: 2, dtype: (int)DType.Int32, broadcastable: 2)]
    public static TensorVariable ICol(string? name = null) => Inert.Variable;
    /// <summary>New symbolic int32 inputs, one per name: a column: a matrix of shape (n, 1) that broadcasts along its columns.</summary>
    [Builtin(Builtin.Variables, rank: 2, dtype: (int)DType.Int32, broadcastable: 2)]
    public static Variables ICols(params string[] names) => default;
    /// <summary>A new symbolic int64 input: a column: a matrix of shape (n, 1) that broadcasts along its columns.</summary>
    [Builtin(Builtin.Variable, rank: 2, dtype: (int)DType.Int64, broadcastable: 2)]
    public static TensorVariable LCol(string? name = null) => Inert.Variable;
    /// <summary>New symbolic int64 inputs, one per name: a column: a matrix of shape (n, 1) that broadcasts along its columns.</summary>
    [Builtin(Builtin.Variables, rank: 2, dtype: (int)DType.Int64, broadcastable: 2)]
    public static Variables LCols(params string[] names) => default;
    /// <summary>A new symbolic input: a 3-d tensor, float64 unless <paramref name="dtype"/> says otherwise.</summary>
    [Builtin(Builtin.Variable, rank: 3, broadcastable: 0)]
    public static TensorVariable Tensor3(string? name = null, DType dtype = DType.Float64) => Inert.Variable;
    /// <summary>A new symbolic float64 input: a 3-d tensor.</summary>
    [Builtin(Builtin.Variable, rank: 3, dtype: (int)DType.Float64, broadcastable: 0)]
    public static TensorVariable DTensor3(string? name = null) => Inert.Variable;
    /// <summary>New symbolic float64 inputs, one per name: a 3-d tensor.</summary>
    [Builtin(Builtin.Variables, rank: 3, dtype: (int)DType.Float64, broadcastable: 0)]
    public static Variables DTensor3s(params string[] names) => default;
    /// <summary>A new symbolic float32 input: a 3-d tensor.</summary>
    [Builtin(Builtin.Variable, rank: 3, dtype: (int)DType.Float32, broadcastable: 0)]
    public static TensorVariable FTensor3(string? name = null) => Inert.Variable;
    /// <summary>New symbolic float32 inputs, one per name: a 3-d tensor.</summary>
    [Builtin(Builtin.Variables, rank: 3, dtype: (int)DType.Float32, broadcastable: 0)]
    public static Variables FTensor3s(params string[] names) => default;
    /// <summary>A new symbolic int32 input: a 3-d tensor.</summary>
    [Builtin(Builtin.Variable, rank: 3, dtype: (int)DType.Int32, broadcastable: 0)]
    public static TensorVariable ITensor3(string? name = null) => Inert.Variable;
    /// <summary>New symbolic int32 inputs, one per name: a 3-d tensor.</summary>
    [Builtin(Builtin.Variables, rank: 3, dtype: (int)DType.Int32, broadcastable: 0)]
    public static Variables ITensor3s(params string[] names) => default;
    /// <summary>A new symbolic int64 input: a 3-d tensor.</summary>
    [Builtin(Builtin.Variable, rank: 3, dtype: (int)DType.Int64, broadcastable: 0)]
    public static TensorVariable LTensor3(string? name = null) => Inert.Variable;
    /// <summary>New symbolic int64 inputs, one per name: a 3-d tensor.</summary>
    [Builtin(Builtin.Variables, rank: 3, dtype: (int)DType.Int64, broadcastable: 0)]
    public static Variables LTensor3s(params string[] names) => default;
    /// <summary>A new symbolic input: a 4-d tensor, float64 unless <paramref name="dtype"/> says otherwise.</summary>
    [Builtin(Builtin.Variable, rank: 4, broadcastable: 0)]
    public static TensorVariable Tensor4(string? name = null, DType dtype = DType.Float64) => Inert.Variable;
    /// <summary>A new symbolic float64 input: a 4-d tensor.</summary>
    [Builtin(Builtin.Variable, rank: 4, dtype: (int)DType.Float64, broadcastable: 0)]
    public static TensorVariable DTensor4(string? name = null) => Inert.Variable;
    /// <summary>New symbolic float64 inputs, one per name: a 4-d tensor.</summary>
    [Builtin(Builtin.Variables, rank: 4, dtype: (int)DType.Float64, broadcastable: 0)]
    public static Variables DTensor4s(params string[] names) => default;
    /// <summary>A new symbolic float32 input: a 4-d tensor.</summary>
    [Builtin(Builtin.Variable, rank: 4, dtype: (int)DType.Float32, broadcastable: 0)]
    public static TensorVariable FTensor4(string? name = null) => Inert.Variable;
    /// <summary>New symbolic float32 inputs, one per name: a 4-d tensor.</summary>
    [Builtin(Builtin.Variables, rank: 4, dtype: (int)DType.Float32, broadcastable: 0)]
    public static Variables FTensor4s(params string[] names) => default;
    /// <summary>A new symbolic int32 input: a 4-d tensor.</summary>
    [Builtin(Builtin.Variable, rank: 4, dtype: (int)DType.Int32, broadcastable: 0)]
    public static TensorVariable ITensor4(string? name = null) => Inert.Variable;
    /// <summary>New symbolic int32 inputs, one per name: a 4-d tensor.</summary>
    [Builtin(Builtin.Variables, rank: 4, dtype: (int)DType.Int32, broadcastable: 0)]
    public static Variables ITensor4s(params string[] names) => default;
    /// <summary>A new symbolic int64 input: a 4-d tensor.</summary>
    [Builtin(Builtin.Variable, rank: 4, dtype: (int)DType.Int64, broadcastable: 0)]
    public static TensorVariable LTensor4(string? name = null) => Inert.Variable;
    /// <summary>New symbolic int64 inputs, one per name: a 4-d tensor.</summary>
    [Builtin(Builtin.Variables, rank: 4, dtype: (int)DType.Int64, broadcastable: 0)]
    public static Variables LTensor4s(params string[] names) => default;
}
