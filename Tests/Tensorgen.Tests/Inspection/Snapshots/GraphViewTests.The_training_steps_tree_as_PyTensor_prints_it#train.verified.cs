gt [id A] <Vector(bool, shape=(?,))> 3
 ├─ switch [id B] <Vector(float64, shape=(?,))> 3
 │  ├─ ge [id C] <Vector(bool, shape=(?,))> 3
 │  │  ├─ add [id D] <Vector(float64, shape=(?,))> 3
 │  │  │  ├─ dot [id E] <Vector(float64, shape=(?,))> 2
 │  │  │  │  ├─ x [id F] <Matrix(float64, shape=(?, ?))>
 │  │  │  │  └─ w* [id G] <Vector(float64, shape=(?,))>
 │  │  │  └─ b* [id H] <Scalar(float64, shape=())>
 │  │  └─ 0 [id I] <Scalar(float64, shape=())>
 │  ├─ true_div [id J] <Vector(float64, shape=(?,))> 3
 │  │  ├─ 1 [id K] <Scalar(float64, shape=())>
 │  │  └─ add [id L] <Vector(float64, shape=(?,))> 3
 │  │     ├─ 1 [id K] <Scalar(float64, shape=())>
 │  │     └─ exp [id M] <Vector(float64, shape=(?,))> 3
 │  │        └─ neg [id N] <Vector(float64, shape=(?,))> 3
 │  │           └─ abs [id O] <Vector(float64, shape=(?,))> 3
 │  │              └─ add [id D] <Vector(float64, shape=(?,))> 3
 │  │                 └─ ···
 │  └─ mul [id P] <Vector(float64, shape=(?,))> 3
 │     ├─ exp [id M] <Vector(float64, shape=(?,))> 3
 │     │  └─ ···
 │     └─ true_div [id J] <Vector(float64, shape=(?,))> 3
 │        └─ ···
 └─ 0.5 [id Q] <Scalar(float64, shape=())>
sub [id R] <Vector(float64, shape=(?,))> 3
 ├─ mul [id S] <Vector(float64, shape=(?,))> 3
 │  ├─ neg [id T] <Vector(float64, shape=(?,))> 3
 │  │  └─ y [id U] <Vector(float64, shape=(?,))>
 │  └─ neg [id V] <Vector(float64, shape=(?,))> 3
 │     └─ add [id W] <Vector(float64, shape=(?,))> 3
 │        ├─ maximum [id X] <Vector(float64, shape=(?,))> 3
 │        │  ├─ neg [id Y] <Vector(float64, shape=(?,))> 3
 │        │  │  └─ add [id D] <Vector(float64, shape=(?,))> 3
 │        │  │     └─ ···
 │        │  └─ 0 [id I] <Scalar(float64, shape=())>
 │        └─ log1p [id Z] <Vector(float64, shape=(?,))> 3
 │           └─ exp [id M] <Vector(float64, shape=(?,))> 3
 │              └─ ···
 └─ mul [id BA] <Vector(float64, shape=(?,))> 3
    ├─ sub [id BB] <Vector(float64, shape=(?,))> 3
    │  ├─ 1 [id K] <Scalar(float64, shape=())>
    │  └─ y [id U] <Vector(float64, shape=(?,))>
    └─ neg [id BC] <Vector(float64, shape=(?,))> 3
       └─ add [id BD] <Vector(float64, shape=(?,))> 3
          ├─ maximum [id BE] <Vector(float64, shape=(?,))> 3
          │  ├─ add [id D] <Vector(float64, shape=(?,))> 3
          │  │  └─ ···
          │  └─ 0 [id I] <Scalar(float64, shape=())>
          └─ log1p [id Z] <Vector(float64, shape=(?,))> 3
             └─ ···
sub [id BF] <Vector(float64, shape=(?,))> 6
 ├─ w* [id G] <Vector(float64, shape=(?,))>
 └─ mul [id BG] <Vector(float64, shape=(?,))> 6
    ├─ 0.1 [id BH] <Scalar(float64, shape=())>
    └─ add [id BI] <Vector(float64, shape=(?,))> 6
       ├─ mul [id BJ] <Vector(float64, shape=(?,))> 6
       │  ├─ second [id BK] <Vector(float64, shape=(?,))> 6
       │  │  ├─ sqr [id BL] <Vector(float64, shape=(?,))>
       │  │  │  └─ w* [id G] <Vector(float64, shape=(?,))>
       │  │  └─ 0.01 [id BM] <Scalar(float64, shape=())>
       │  └─ mul [id BN] <Vector(float64, shape=(?,))> 6
       │     ├─ 2 [id BO] <Scalar(float64, shape=())>
       │     └─ w* [id G] <Vector(float64, shape=(?,))>
       └─ dot [id BP] <Vector(float64, shape=(?,))> 4
          ├─ x [id F] <Matrix(float64, shape=(?, ?))>
          └─ add [id BQ] <Vector(float64, shape=(?,))> 3
             ├─ mul [id BR] <Vector(float64, shape=(?,))> 3
             │  ├─ neg [id BS] <Vector(float64, shape=(?,))> 3
             │  │  └─ mul [id BT] <Vector(float64, shape=(?,))> 3
             │  │     ├─ neg [id BU] <Vector(float64, shape=(?,))> 3
             │  │     │  └─ second [id BV] <Vector(float64, shape=(?,))> 3
             │  │     │     ├─ sub [id R] <Vector(float64, shape=(?,))> 3
             │  │     │     │  └─ ···
             │  │     │     └─ true_div [id BW] <Scalar(float64, shape=())> 1
             │  │     │        ├─ 1 [id K] <Scalar(float64, shape=())>
             │  │     │        └─ cast [id BX] <Scalar(float64, shape=())> 1
             │  │     │           └─ dimsize{0} [id BY] <Scalar(int64, shape=())> 0
             │  │     │              └─ sub [id R] <Vector(float64, shape=(?,))> 3
             │  │     │                 └─ ···
             │  │     └─ sub [id BB] <Vector(float64, shape=(?,))> 3
             │  │        └─ ···
             │  └─ switch [id B] <Vector(float64, shape=(?,))> 3
             │     └─ ···
             └─ neg [id BZ] <Vector(float64, shape=(?,))> 3
                └─ mul [id CA] <Vector(float64, shape=(?,))> 3
                   ├─ neg [id CB] <Vector(float64, shape=(?,))> 3
                   │  └─ mul [id CC] <Vector(float64, shape=(?,))> 3
                   │     ├─ second [id BV] <Vector(float64, shape=(?,))> 3
                   │     │  └─ ···
                   │     └─ neg [id T] <Vector(float64, shape=(?,))> 3
                   │        └─ ···
                   └─ switch [id CD] <Vector(float64, shape=(?,))> 3
                      ├─ ge [id CE] <Vector(bool, shape=(?,))> 3
                      │  ├─ neg [id Y] <Vector(float64, shape=(?,))> 3
                      │  │  └─ ···
                      │  └─ 0 [id I] <Scalar(float64, shape=())>
                      ├─ true_div [id J] <Vector(float64, shape=(?,))> 3
                      │  └─ ···
                      └─ mul [id P] <Vector(float64, shape=(?,))> 3
                         └─ ···
sub [id CF] <Scalar(float64, shape=())> 7
 ├─ b* [id H] <Scalar(float64, shape=())>
 └─ mul [id CG] <Scalar(float64, shape=())> 7
    ├─ 0.1 [id BH] <Scalar(float64, shape=())>
    └─ sum{axis=(0,)} [id CH] <Scalar(float64, shape=())> 5
       └─ add [id BQ] <Vector(float64, shape=(?,))> 3
          └─ ···

Steps:
 0 size: dimsize{0} [id BY]
 1 scalar kernel: cast [id BX], true_div [id BW]
 2 product, sweeping steps 2, 3, 4 in one pass over the matrix: dot [id E]
 3 elementwise kernel, in the sweep of step 2: add [id D], neg [id Y], abs [id O], neg [id N], exp [id M], add [id L], true_div [id J], mul [id P], ge [id C], switch [id B], gt [id A], neg [id T], maximum [id X], log1p [id Z], add [id W], neg [id V], mul [id S], sub [id BB], ge [id CE], switch [id CD], maximum [id BE], add [id BD], neg [id BC], mul [id BA], sub [id R], second [id BV], neg [id BU], mul [id BT], neg [id BS], mul [id BR], mul [id CC], neg [id CB], mul [id CA], neg [id BZ], add [id BQ]
 4 product, in the sweep of step 2: dot [id BP]
 5 reduction kernel: sum{axis=(0,)} [id CH]
 6 elementwise kernel: second [id BK], mul [id BN], mul [id BJ], add [id BI], mul [id BG], sub [id BF]
 7 scalar kernel: mul [id CG], sub [id CF]

Updates:
 w <- [id BF]
 b <- [id CF]

Rewrites: constant_folding, local_1msigmoid, local_dimshuffle_lift (x3), local_exp_over_1_plus_exp, local_log_sigmoid (x2), local_neg_neg, local_neg_sub, local_pow_specialize, local_sigmoid_softplus_one_exp (x4), local_useless_elemwise (x3)
