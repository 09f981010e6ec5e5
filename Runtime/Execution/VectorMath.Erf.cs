using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Tensorgen;

// erf and erfc for a vector of lanes: ScalarOps.Erf's method (see ScalarOps.Erfc), with every branch computed
// for every lane and the lane's own branch selected. Every operation is the scalar function's, in the same
// order, with the same coefficients (its e^x too), so a lane gives the scalar function's value to the bit.
// Written once over the operations it needs (ILanes), for Vector128, Vector256 and Vector512; Vector<T>
// takes the one of its width.
public static partial class VectorMath
{
    /// <summary>The error function of each lane.</summary>
    public static Vector<double> Erf(Vector<double> x) =>
        Vector<double>.Count == Vector512<double>.Count ? Erf(x.AsVector512()).AsVector()
        : Vector<double>.Count == Vector256<double>.Count ? Erf(x.AsVector256()).AsVector()
        : Erf(x.AsVector128()).AsVector();

    /// <summary>The complementary error function of each lane.</summary>
    public static Vector<double> Erfc(Vector<double> x) =>
        Vector<double>.Count == Vector512<double>.Count ? Erfc(x.AsVector512()).AsVector()
        : Vector<double>.Count == Vector256<double>.Count ? Erfc(x.AsVector256()).AsVector()
        : Erfc(x.AsVector128()).AsVector();

    /// <summary>The error function of each lane, computed in float64.</summary>
    public static Vector<float> Erf(Vector<float> x)
    {
        Vector.Widen(x, out var low, out var high);
        return Vector.Narrow(Erf(low), Erf(high));
    }

    /// <summary>The complementary error function of each lane, computed in float64.</summary>
    public static Vector<float> Erfc(Vector<float> x)
    {
        Vector.Widen(x, out var low, out var high);
        return Vector.Narrow(Erfc(low), Erfc(high));
    }

    /// <summary>The error function of each lane.</summary>
    public static Vector128<double> Erf(Vector128<double> x) => Erf<Vector128<double>, Lanes128>(x);

    /// <summary>The error function of each lane.</summary>
    public static Vector256<double> Erf(Vector256<double> x) => Erf<Vector256<double>, Lanes256>(x);

    /// <summary>The error function of each lane.</summary>
    public static Vector512<double> Erf(Vector512<double> x) => Erf<Vector512<double>, Lanes512>(x);

    /// <summary>The complementary error function of each lane.</summary>
    public static Vector128<double> Erfc(Vector128<double> x) => Erfc<Vector128<double>, Lanes128>(x);

    /// <summary>The complementary error function of each lane.</summary>
    public static Vector256<double> Erfc(Vector256<double> x) => Erfc<Vector256<double>, Lanes256>(x);

    /// <summary>The complementary error function of each lane.</summary>
    public static Vector512<double> Erfc(Vector512<double> x) => Erfc<Vector512<double>, Lanes512>(x);

    private static TV Erf<TV, L>(TV x) where L : ILanes<TV>
    {
        var a = L.Abs(x);
        var small = L.Add(x, L.Mul(x, Polynomial<TV, L>(L.Mul(x, x), ScalarOps.ErfSmall)));
        var nearOne = L.Add(L.Of(ScalarOps.ErfOne), Polynomial<TV, L>(L.Sub(a, L.Of(1)), ScalarOps.ErfNearOne));
        var tail = L.Sub(L.Of(1), ErfcTail<TV, L>(a));
        var r = L.Select(L.LessThan(a, L.Of(ScalarOps.ErfNearOneEnd)), nearOne, L.Select(L.LessThan(a, L.Of(6)), tail, L.Of(1)));
        r = L.Select(L.LessThan(x, L.Of(0)), L.Sub(L.Of(0), r), r);
        r = L.Select(L.LessThan(a, L.Of(ScalarOps.ErfSmallEnd)), small, r);
        return L.Select(L.IsNaN(x), x, r);
    }

    private static TV Erfc<TV, L>(TV x) where L : ILanes<TV>
    {
        var a = L.Abs(x);
        var positive = L.LessThan(L.Of(0), x);
        var p = L.Mul(x, Polynomial<TV, L>(L.Mul(x, x), ScalarOps.ErfSmall));
        var small = L.Select(L.LessThan(x, L.Of(0.25)),
            L.Sub(L.Of(1), L.Add(x, p)),
            L.Sub(L.Of(0.5), L.Add(L.Sub(x, L.Of(0.5)), p)));
        var q = Polynomial<TV, L>(L.Sub(a, L.Of(1)), ScalarOps.ErfNearOne);
        var nearOne = L.Select(positive, L.Sub(L.Of(1 - ScalarOps.ErfOne), q), L.Add(L.Of(1), L.Add(L.Of(ScalarOps.ErfOne), q)));
        var tail = ErfcTail<TV, L>(a);
        var far = L.Select(L.LessThan(a, L.Of(28)), L.Select(positive, tail, L.Sub(L.Of(2), tail)), L.Select(positive, L.Of(0), L.Of(2)));
        var r = L.Select(L.LessThan(a, L.Of(ScalarOps.ErfNearOneEnd)), nearOne, far);
        r = L.Select(L.LessThan(a, L.Of(ScalarOps.ErfSmallEnd)), small, r);
        return L.Select(L.IsNaN(x), x, r);
    }

    /// <summary>erfc(a) for 1.25 ≤ a &lt; 28 (and anything for other lanes, which are not selected).</summary>
    private static TV ErfcTail<TV, L>(TV a) where L : ILanes<TV>
    {
        var t = L.Div(L.Of(1), L.Mul(a, a));
        var mid = L.Div(Polynomial<TV, L>(t, ScalarOps.ErfcMidP), Polynomial<TV, L>(t, ScalarOps.ErfcMidQ));
        var far = L.Div(Polynomial<TV, L>(t, ScalarOps.ErfcFarP), Polynomial<TV, L>(t, ScalarOps.ErfcFarQ));
        var g = L.Select(L.LessThan(a, L.Of(3)), mid, far);
        var z = L.ClearLow32(a);
        var e1 = Exp<TV, L>(L.Sub(L.Sub(L.Of(0), L.Mul(z, z)), L.Of(ScalarOps.ErfcShift)));
        var e2 = Exp<TV, L>(L.Add(L.Mul(L.Sub(z, a), L.Add(z, a)), g));
        return L.Div(L.Mul(e1, e2), a);
    }

    /// <summary>ScalarOps.ErfcExp's e^x, lane by lane.</summary>
    private static TV Exp<TV, L>(TV x) where L : ILanes<TV>
    {
        x = L.Max(x, L.Of(-1100));
        var k = L.Round(L.Mul(x, L.Of(ScalarOps.InvLn2)));
        var r = L.Sub(L.Sub(x, L.Mul(k, L.Of(ScalarOps.Ln2High))), L.Mul(k, L.Of(ScalarOps.Ln2Low)));
        var e = L.Add(L.Of(1), L.Add(r, L.Mul(L.Mul(r, r), Polynomial<TV, L>(r, ScalarOps.ExpRemainder))));
        var half = L.Floor(L.Mul(k, L.Of(0.5)));
        return L.Mul(L.Mul(e, L.Pow2(half)), L.Pow2(L.Sub(k, half)));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TV Polynomial<TV, L>(TV v, double[] c) where L : ILanes<TV>
    {
        var r = L.Of(c[0]);
        for (int i = 1; i < c.Length; i++) r = L.Add(L.Mul(r, v), L.Of(c[i]));
        return r;
    }

    /// <summary>The lane-wise operations erf and erfc need, for one vector width (masks are all-bits-set lanes).</summary>
    private interface ILanes<TV>
    {
        static abstract TV Of(double value);
        static abstract TV Add(TV a, TV b);
        static abstract TV Sub(TV a, TV b);
        static abstract TV Mul(TV a, TV b);
        static abstract TV Div(TV a, TV b);
        static abstract TV Abs(TV x);
        static abstract TV Max(TV a, TV b);
        static abstract TV Round(TV x);
        static abstract TV Floor(TV x);
        /// <summary>2^k for integral lanes k in the normal range.</summary>
        static abstract TV Pow2(TV k);
        static abstract TV LessThan(TV a, TV b);
        static abstract TV IsNaN(TV x);
        static abstract TV Select(TV mask, TV ifTrue, TV ifFalse);
        static abstract TV ClearLow32(TV x);
    }

    private readonly struct Lanes128 : ILanes<Vector128<double>>
    {
        public static Vector128<double> Of(double value) => Vector128.Create(value);
        public static Vector128<double> Add(Vector128<double> a, Vector128<double> b) => a + b;
        public static Vector128<double> Sub(Vector128<double> a, Vector128<double> b) => a - b;
        public static Vector128<double> Mul(Vector128<double> a, Vector128<double> b) => a * b;
        public static Vector128<double> Div(Vector128<double> a, Vector128<double> b) => a / b;
        public static Vector128<double> Abs(Vector128<double> x) => Vector128.Abs(x);
        public static Vector128<double> Max(Vector128<double> a, Vector128<double> b) => Vector128.Max(a, b);
        public static Vector128<double> Round(Vector128<double> x) => Vector128.Round(x);
        public static Vector128<double> Floor(Vector128<double> x) => Vector128.Floor(x);
        public static Vector128<double> Pow2(Vector128<double> k) => Vector128.ShiftLeft(Vector128.ConvertToInt64(k + Vector128.Create(1023.0)), 52).AsDouble();
        public static Vector128<double> LessThan(Vector128<double> a, Vector128<double> b) => Vector128.LessThan(a, b);
        public static Vector128<double> IsNaN(Vector128<double> x) => ~Vector128.Equals(x, x);
        public static Vector128<double> Select(Vector128<double> mask, Vector128<double> ifTrue, Vector128<double> ifFalse) => Vector128.ConditionalSelect(mask, ifTrue, ifFalse);
        public static Vector128<double> ClearLow32(Vector128<double> x) => (x.AsInt64() & Vector128.Create(ScalarOps.ErfSplitMask)).AsDouble();
    }

    private readonly struct Lanes256 : ILanes<Vector256<double>>
    {
        public static Vector256<double> Of(double value) => Vector256.Create(value);
        public static Vector256<double> Add(Vector256<double> a, Vector256<double> b) => a + b;
        public static Vector256<double> Sub(Vector256<double> a, Vector256<double> b) => a - b;
        public static Vector256<double> Mul(Vector256<double> a, Vector256<double> b) => a * b;
        public static Vector256<double> Div(Vector256<double> a, Vector256<double> b) => a / b;
        public static Vector256<double> Abs(Vector256<double> x) => Vector256.Abs(x);
        public static Vector256<double> Max(Vector256<double> a, Vector256<double> b) => Vector256.Max(a, b);
        public static Vector256<double> Round(Vector256<double> x) => Vector256.Round(x);
        public static Vector256<double> Floor(Vector256<double> x) => Vector256.Floor(x);
        public static Vector256<double> Pow2(Vector256<double> k) => Vector256.ShiftLeft(Vector256.ConvertToInt64(k + Vector256.Create(1023.0)), 52).AsDouble();
        public static Vector256<double> LessThan(Vector256<double> a, Vector256<double> b) => Vector256.LessThan(a, b);
        public static Vector256<double> IsNaN(Vector256<double> x) => ~Vector256.Equals(x, x);
        public static Vector256<double> Select(Vector256<double> mask, Vector256<double> ifTrue, Vector256<double> ifFalse) => Vector256.ConditionalSelect(mask, ifTrue, ifFalse);
        public static Vector256<double> ClearLow32(Vector256<double> x) => (x.AsInt64() & Vector256.Create(ScalarOps.ErfSplitMask)).AsDouble();
    }

    private readonly struct Lanes512 : ILanes<Vector512<double>>
    {
        public static Vector512<double> Of(double value) => Vector512.Create(value);
        public static Vector512<double> Add(Vector512<double> a, Vector512<double> b) => a + b;
        public static Vector512<double> Sub(Vector512<double> a, Vector512<double> b) => a - b;
        public static Vector512<double> Mul(Vector512<double> a, Vector512<double> b) => a * b;
        public static Vector512<double> Div(Vector512<double> a, Vector512<double> b) => a / b;
        public static Vector512<double> Abs(Vector512<double> x) => Vector512.Abs(x);
        public static Vector512<double> Max(Vector512<double> a, Vector512<double> b) => Vector512.Max(a, b);
        public static Vector512<double> Round(Vector512<double> x) => Vector512.Round(x);
        public static Vector512<double> Floor(Vector512<double> x) => Vector512.Floor(x);
        public static Vector512<double> Pow2(Vector512<double> k) => Vector512.ShiftLeft(Vector512.ConvertToInt64(k + Vector512.Create(1023.0)), 52).AsDouble();
        public static Vector512<double> LessThan(Vector512<double> a, Vector512<double> b) => Vector512.LessThan(a, b);
        public static Vector512<double> IsNaN(Vector512<double> x) => ~Vector512.Equals(x, x);
        public static Vector512<double> Select(Vector512<double> mask, Vector512<double> ifTrue, Vector512<double> ifFalse) => Vector512.ConditionalSelect(mask, ifTrue, ifFalse);
        public static Vector512<double> ClearLow32(Vector512<double> x) => (x.AsInt64() & Vector512.Create(ScalarOps.ErfSplitMask)).AsDouble();
    }
}
