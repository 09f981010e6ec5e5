#!/usr/bin/python3
"""Writes numpy_random.txt: NumPy 1.24 reference draws for the tests in Tests/Tensorgen.Tests/Random.

Run with Debian's python3-numpy 1.24 (apt install python3-numpy) from this folder:
    /usr/bin/python3 make_numpy_random.py
The tests read the committed output and never need Python.

Each line is one case, five tab-separated fields:
    name    seed    sizes    values    state
- name says what was drawn, with its parameters (the tests parse it back);
- seed is the int given to default_rng / PCG64 (or '-' when the case says otherwise);
- sizes is a comma-separated list of the successive `size` arguments, 's' meaning size=None
  (one scalar draw), all drawn one after the other from the same generator;
- values are the draws in order: ints in decimal, floats as repr (shortest round-trip);
- state is the bit generator's state after the draws: state inc has_uint32 uinteger ('-' if none).
Cases named digest/... hold, instead of every value, `count digest first last` where digest is
sum((i + 1) * 0x9E3779B97F4A7C15 * bits(v_i)) mod 2**64 over the raw 64-bit patterns.
"""
import numpy as np

SEEDS = [0, 1, 42, 2882, 123456789, 2**40 + 7]
SIZES = ['s', 1, 3, 7, 100]
BIG = 1001
lines = []


def fmt(v):
    if isinstance(v, (float, np.floating)):
        return repr(float(v))
    return str(int(v))


def state_of(bg):
    st = bg.state
    return f"{st['state']['state']} {st['state']['inc']} {st['has_uint32']} {st['uinteger']}"


def add(name, seed, sizes, values, bg):
    lines.append('\t'.join([name, str(seed), ','.join(str(s) for s in sizes),
                            ' '.join(fmt(v) for v in values), state_of(bg) if bg is not None else '-']))


def draws(name, fn, big_seed_index, seeds):
    """fn(rng, size) draws one batch; every seed gets SIZES, one seed may also get BIG."""
    for k, seed in enumerate(seeds):
        rng = np.random.default_rng(seed)
        sizes = SIZES + ([BIG] if k == big_seed_index else [])
        values = []
        for s in sizes:
            out = fn(rng, None if s == 's' else s)
            values.extend(np.atleast_1d(out).ravel().tolist())
        add(name, seed, sizes, values, rng.bit_generator)


counter = [0]


def dist(name, fn, big=False):
    """Main cases (big=True) get all seeds and one BIG draw; parameter variants get three seeds."""
    if big:
        draws(name, fn, counter[0] % len(SEEDS), SEEDS)
        counter[0] += 1
    else:
        draws(name, fn, -1, SEEDS[1::2])


# Raw PCG64 output and the uniform/normal family.
dist('raw', lambda r, s: r.bit_generator.random_raw(s), big=True)
dist('random', lambda r, s: r.random(s), big=True)
dist('uniform/-2.5/7.25', lambda r, s: r.uniform(-2.5, 7.25, s), big=True)
dist('uniform/1000000/1000000.001', lambda r, s: r.uniform(1e6, 1e6 + 1e-3, s))
dist('standard_normal', lambda r, s: r.standard_normal(s), big=True)
dist('normal/1.5/0.25', lambda r, s: r.normal(1.5, 0.25, s))
dist('normal/-300/12', lambda r, s: r.normal(-300.0, 12.0, s))

# Bounded integers (int64, high exclusive).
for low, high in [(0, 2), (-5, 5), (0, 2**32 + 5), (0, 2**40), (-3, 1000000007), (0, 2**32), (7, 8),
                  (-2**63, 2**63 - 1), (0, 2**32 - 1), (-(2**62), 2**62 + 12345)]:
    dist(f'integers/{low}/{high}', lambda r, s, low=low, high=high: r.integers(low, high, s),
         big=(low, high) in [(0, 2), (-5, 5), (0, 2**32 + 5), (0, 2**40), (-3, 1000000007)])

# Discrete distributions.
for n, p in [(10, 0.3), (100, 0.05), (1000, 0.4), (50, 0.9), (500, 0.7), (1, 0.5), (0, 0.5), (20, 0.0),
             (20, 1.0), (1000000000, 0.5), (123456, 0.0001), (60, 0.5)]:
    dist(f'binomial/{n}/{p!r}', lambda r, s, n=n, p=p: r.binomial(n, p, s), big=(n, p) in [(10, 0.3), (1000, 0.4)])
for lam in [0.0, 0.5, 3.7, 9.99, 10.0, 42.5, 10000.0, 1e7]:
    dist(f'poisson/{lam!r}', lambda r, s, lam=lam: r.poisson(lam, s), big=lam in (3.7, 42.5))

# Continuous distributions that call exp/log/pow.
dist('standard_exponential', lambda r, s: r.standard_exponential(s), big=True)
dist('exponential/2.5', lambda r, s: r.exponential(2.5, s))
for shape in [0.3, 1.0, 2.7, 0.001, 0.0, 150.0]:
    dist(f'standard_gamma/{shape!r}', lambda r, s, shape=shape: r.standard_gamma(shape, s), big=shape in (0.3, 2.7))
for shape, scale in [(0.5, 3.0), (11.0, 0.1)]:
    dist(f'gamma/{shape!r}/{scale!r}', lambda r, s, shape=shape, scale=scale: r.gamma(shape, scale, s))
for a, b in [(0.5, 0.8), (1.0, 1.0), (2.5, 1.5), (0.3, 3.0), (0.01, 0.02)]:
    dist(f'beta/{a!r}/{b!r}', lambda r, s, a=a, b=b: r.beta(a, b, s), big=(a, b) in [(0.5, 0.8), (2.5, 1.5)])

# Permutations, shuffles and choices: one generator per seed, successive calls.
for seed in SEEDS:
    rng = np.random.default_rng(seed)
    ns = [0, 1, 2, 3, 7, 100] + ([1001] if seed in (42, 2**40 + 7) else [])
    values = []
    for n in ns:
        values.extend(rng.permutation(n).tolist())
    add('permutation', seed, ns, values, rng.bit_generator)

    rng = np.random.default_rng(seed)
    arr = np.arange(10, 47) * 3
    rng.shuffle(arr)
    add('shuffle/37', seed, [37], arr.tolist(), rng.bit_generator)

choice_cases = [
    ('choice/10/replace', 10, True, None),
    ('choice/1099511627776/replace', 2**40, True, None),
    ('choice/5/replace/p', 5, True, [0.1, 0.2, 0.3, 0.15, 0.25]),
    ('choice/4/replace/p', 4, True, [0.0, 0.5, 0.0, 0.5]),
    ('choice/1000/noreplace', 1000, False, None),
    ('choice/20000/noreplace', 20000, False, None),
    ('choice/8/noreplace/p', 8, False, [0.05, 0.3, 0.1, 0.0, 0.2, 0.15, 0.1, 0.1]),
]
for name, a, replace, p in choice_cases:
    for seed in SEEDS:
        rng = np.random.default_rng(seed)
        if a == 8:
            sizes = [1, 3, 7]
        elif a == 20000:
            sizes = [1, 3, 500]
        elif not replace:
            sizes = [1, 3, 7, 100, 400]
        else:
            sizes = [1, 3, 7, 100]
        values = []
        for s in sizes:
            values.extend(rng.choice(a, s, replace=replace, p=p).tolist())
        add(name, seed, sizes, values, rng.bit_generator)

# Multivariate normal with diagonal covariances (LAPACK's SVD of a diagonal matrix is exact).
mvn_cases = [
    ([1.0, -2.0, 0.5], [4.0, 0.25, 9.0]),
    ([0.0, 0.0], [1.0, 1.0]),
    ([3.0, 1.0, -1.0, 2.0], [2.0, 2.0, 0.5, 2.0]),
    ([0.0, 0.0, 0.0, 0.0, 0.0], [1.0, 3.0, 1.0, 3.0, 0.0]),
]
for mean, var in mvn_cases:
    name = 'multivariate_normal/' + ','.join(repr(m) for m in mean) + '/' + ','.join(repr(v) for v in var)
    for seed in SEEDS[:3]:
        rng = np.random.default_rng(seed)
        sizes = [1, 3, 7, 40]
        values = []
        for s in sizes:
            values.extend(rng.multivariate_normal(mean, np.diag(var), s).ravel().tolist())
        add(name, seed, sizes, values, rng.bit_generator)

# next_uint32 / next_uint64 / next_double interleaved through the C interface.
for seed in SEEDS:
    bg = np.random.PCG64(seed)
    c = bg.ctypes
    pattern = '3233D3D223DD2D333'  # 3: next_uint32, 6 -> D: next_double, 2: next_uint64
    values = []
    for ch in pattern:
        if ch == '3':
            values.append(c.next_uint32(c.state))
        elif ch == '2':
            values.append(c.next_uint64(c.state))
        else:
            values.append(c.next_double(c.state))
    add('interleaved/' + pattern, seed, [len(pattern)], values, bg)

# advance and jumped.
for seed in SEEDS:
    for delta in [0, 1, 2, 12345, 2**64 + 3, 2**127 + 999, 2**128 - 1]:
        bg = np.random.PCG64(seed)
        bg.random_raw(3)
        bg.ctypes.next_uint32(bg.ctypes.state)  # advance must clear the buffered half
        bg.advance(delta)
        values = bg.random_raw(5).tolist()
        add(f'advance/{delta}', seed, [5], values, bg)
    for jumps in [1, 2, 3, 1000, 2**20, -1]:
        bg = np.random.PCG64(seed)
        bg.random_raw(2)
        bg.ctypes.next_uint32(bg.ctypes.state)
        j = bg.jumped(jumps)
        values = j.random_raw(5).tolist()
        add(f'jumped/{jumps}', seed, [5], values, j)

# SeedSequence.generate_state, with spawn keys, pool sizes and spawned children.
def seq_line(name, ss):
    words32 = ss.generate_state(9, np.uint32).tolist()
    words64 = ss.generate_state(5, np.uint64).tolist()
    one = ss.generate_state(1, np.uint32).tolist()
    lines.append('\t'.join([name, '-', '9,5,1', ' '.join(str(v) for v in words32 + words64 + one), '-']))


entropies = [('0', 0), ('1', 1), ('42', 42), ('4294967296', 2**32), ('1099511627783', 2**40 + 7),
             ('18446744073709551615', 2**64 - 1), ('123456789', 123456789)]
for label, e in entropies:
    seq_line(f'seedseq/int/{label}', np.random.SeedSequence(e))
word_cases = [[], [0], [1, 2, 3], [1, 2, 3, 4, 5, 6], [0xFFFFFFFF, 7, 0, 9, 11, 13, 17, 19, 23]]
for words in word_cases:
    for key in [[], [0], [5, 6], [1, 2, 3, 4, 5]]:
        for pool in [4, 8]:
            ss = np.random.SeedSequence(np.array(words, dtype=np.uint32), spawn_key=key, pool_size=pool)
            seq_line('seedseq/words/' + ','.join(map(str, words)) + '/key/' + ','.join(map(str, key)) +
                     f'/pool/{pool}', ss)
for e in [0, 42, 2**40 + 7]:
    ss = np.random.SeedSequence(e)
    first = ss.spawn(3)
    more = ss.spawn(2)
    for i, child in enumerate(first + more):
        seq_line(f'spawn/{e}/child/{i}', child)
    grandchildren = first[1].spawn(2)
    for i, g in enumerate(grandchildren):
        seq_line(f'spawn/{e}/grandchild/1/{i}', g)
    # default_rng(SeedSequence child) draws.
    rng = np.random.default_rng(more[0])
    add(f'spawned_rng/{e}/3', '-', [5], rng.bit_generator.random_raw(5).tolist(), rng.bit_generator)


# Large draws: digests of the exact 64-bit patterns (exercise every slow path and block boundary).
def digest(a):
    bits = np.ascontiguousarray(a).view(np.uint64)
    w = (np.arange(1, bits.size + 1, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15))
    with np.errstate(over='ignore'):
        return int(np.sum(bits * w, dtype=np.uint64))


def big(name, seed, fn, n):
    rng = np.random.default_rng(seed)
    a = np.asarray(fn(rng, n))
    lines.append('\t'.join([name, str(seed), str(n), f'{n} {digest(a)} {fmt(a[0])} {fmt(a[-1])}',
                            state_of(rng.bit_generator)]))


big('digest/random', 7, lambda r, n: r.random(n), 1000003)
big('digest/standard_normal', 7, lambda r, n: r.standard_normal(n), 1000003)
big('digest/standard_normal', 20261125, lambda r, n: r.standard_normal(n), 262147)
big('digest/normal/-1/3', 11, lambda r, n: r.normal(-1.0, 3.0, n), 100003)
big('digest/standard_exponential', 7, lambda r, n: r.standard_exponential(n), 1000003)
big('digest/raw', 7, lambda r, n: r.bit_generator.random_raw(n), 1000003)
big('digest/integers/-5/5', 7, lambda r, n: r.integers(-5, 5, n), 100003)
big('digest/standard_gamma/0.5', 7, lambda r, n: r.standard_gamma(0.5, n), 100003)
big('digest/standard_gamma/3.5', 7, lambda r, n: r.standard_gamma(3.5, n), 100003)
big('digest/beta/0.5/0.5', 7, lambda r, n: r.beta(0.5, 0.5, n), 100003)
big('digest/choice/20000/19999/noreplace', 7, lambda r, n: r.choice(20000, n, replace=False), 19999)
big('digest/choice/20000/2000/noreplace', 7, lambda r, n: r.choice(20000, n, replace=False), 2000)
big('digest/permutation/100003', 7, lambda r, n: r.permutation(n), 100003)
big('digest/beta/2/5', 7, lambda r, n: r.beta(2.0, 5.0, n), 100003)
big('digest/poisson/25.5', 7, lambda r, n: r.poisson(25.5, n), 100003)
big('digest/binomial/5000/0.3', 7, lambda r, n: r.binomial(5000, 0.3, n), 100003)

with open('numpy_random.txt', 'w') as out:
    out.write(f'# NumPy {np.__version__} reference draws, written by make_numpy_random.py\n')
    for line in lines:
        out.write(line + '\n')
