"""Random variate generators for the compiled LCMCR sampler (`lcmcr_sampler.py`).

numba's own `np.random` costs ~10 ns a uniform and ~60 ns a gamma on the target machine, which alone would
break the time budget of five million sweeps, so the sampler carries its own xoshiro256+ state (4 x uint64,
seeded from NumPy's SeedSequence by the caller) and builds on it: normals (polar method), gammas
(Marsaglia & Tsang), betas, binomials (Bernoulli trials, inversion, or Hormann's BTRS rejection) and
Poissons (inversion or Hormann's PTRS). A chain is then a pure function of its state: the same seed gives
the same draws, on any thread.

All functions run without numba's runtime (`_nrt=False`): with it, every hand-over of the state array
costs an atomic reference count update, about a fifth of the run time.
"""

from __future__ import annotations

import math

import numpy as np
from numba import int64, njit, uint64

TINY = 1e-300
jit = njit(cache=True, _nrt=False, error_model="numpy")
# the uniform and the normal are too small to pay for a call, so they are inlined into their callers
_inline = njit(cache=True, _nrt=False, error_model="numpy", inline="always")
_U53 = 1.0 / 9007199254740992.0  # 2^-53


@_inline
def _rotl(x, k):
    return (x << uint64(k)) | (x >> uint64(64 - k))


@_inline
def uniform(st):
    """Uniform on [0, 1) from xoshiro256+ (top 53 bits)."""
    s0, s1, s2, s3 = st[0], st[1], st[2], st[3]
    result = s0 + s3
    t = s1 << uint64(17)
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = _rotl(s3, 45)
    st[0], st[1], st[2], st[3] = s0, s1, s2, s3
    return float(int64(result >> uint64(11))) * _U53  # via int64: one instruction, uint64 needs several


@_inline
def open_uniform(st):
    """Uniform on (0, 1): safe to take the log of."""
    return uniform(st) + 0.5 * _U53


@_inline
def normal(st, cache):
    """Standard normal, Marsaglia's polar method; the second value of each pair waits in `cache`."""
    if cache[1] != 0.0:
        cache[1] = 0.0
        return cache[0]
    while True:
        x = 2.0 * uniform(st) - 1.0
        y = 2.0 * uniform(st) - 1.0
        r2 = x * x + y * y
        if 0.0 < r2 < 1.0:
            f = math.sqrt(-2.0 * math.log(r2) / r2)
            cache[0] = y * f
            cache[1] = 1.0
            return x * f


@jit
def gamma(st, cache, shape):
    """Gamma(shape, 1): Marsaglia & Tsang (2000), squeeze first so logs are rare; shape 1 is an exponential,
    shape < 1 is boosted to shape + 1 and multiplied by U^(1/shape)."""
    if shape == 1.0:
        return -math.log(open_uniform(st))
    boost = 1.0
    if shape < 1.0:
        boost = math.exp(math.log(open_uniform(st)) / shape)
        shape += 1.0
    d = shape - 1.0 / 3.0
    c = 1.0 / math.sqrt(9.0 * d)
    while True:
        x = normal(st, cache)
        v = 1.0 + c * x
        if v <= 0.0:
            continue
        v = v * v * v
        u = uniform(st)
        x2 = x * x
        if u < 1.0 - 0.0331 * x2 * x2 or math.log(u) < 0.5 * x2 + d * (1.0 - v + math.log(v)):
            return d * v * boost


@jit
def beta_pair(st, cache, a, b):
    """A Beta(a, b) draw x together with 1 - x, computed without cancellation (x may round to 1).

    A parameter equal to 1 (an empty class, a list that caught no one in a class) has a closed form.
    """
    if a == 1.0:
        e = math.log(open_uniform(st)) / b
        return -math.expm1(e), math.exp(e)
    if b == 1.0:
        e = math.log(open_uniform(st)) / a
        return math.exp(e), -math.expm1(e)
    ga = gamma(st, cache, a)
    gb = gamma(st, cache, b)
    ga = max(ga, TINY)
    gb = max(gb, TINY)
    s = ga + gb
    return ga / s, gb / s


_LOG_FACTORIALS = np.array([math.lgamma(k + 1.0) for k in range(256)])
_HALF_LOG_2PI = 0.5 * math.log(2.0 * math.pi)


@jit
def log_factorial(k):
    """log(k!): a table below 256, Stirling's series above (error < 1e-14 there); lgamma is far slower."""
    if k < 256:
        return _LOG_FACTORIALS[k]
    x = float(k)
    r = 1.0 / x
    return (x + 0.5) * math.log(x) - x + _HALF_LOG_2PI + r * (1.0 / 12.0 - r * r * (1.0 / 360.0 - r * r / 1260.0))


@jit
def _binomial_btrs(st, n, p):
    """Binomial for n*p >= 10, p <= 1/2: Hormann's (1993) transformed rejection with squeeze (BTRS)."""
    q = 1.0 - p
    spq = math.sqrt(n * p * q)
    b = 1.15 + 2.53 * spq
    a = -0.0873 + 0.0248 * b + 0.01 * p
    c = n * p + 0.5
    v_r = 0.92 - 4.2 / b
    have_tail = False
    alpha = lpq = h = 0.0
    m = 0
    while True:
        u = uniform(st) - 0.5
        v = uniform(st)
        us = 0.5 - abs(u)
        k = int(math.floor((2.0 * a / us + b) * u + c))
        if k < 0 or k > n:
            continue
        if us >= 0.07 and v <= v_r:
            return k
        if not have_tail:  # constants of the exact test, rarely needed, so computed once on demand
            alpha = (2.83 + 5.1 / b) * spq
            lpq = math.log(p / q)
            m = int(math.floor((n + 1) * p))
            h = log_factorial(m) + log_factorial(n - m)
            have_tail = True
        v = math.log(v * alpha / (a / (us * us) + b))
        if v <= h - log_factorial(k) - log_factorial(n - k) + (k - m) * lpq:
            return k


@jit
def binomial(st, n, p):
    """Binomial(n, p), choosing per call the cheapest exact method: trials, inversion or BTRS."""
    if n <= 0 or p <= 0.0:
        return 0
    if p >= 1.0:
        return n
    if n <= 12:
        k = 0
        for _ in range(n):
            if uniform(st) < p:
                k += 1
        return k
    flip = p > 0.5
    r = 1.0 - p if flip else p
    if n * r < 10.0:
        # inversion: walk the pmf from 0; expected steps n*r
        q = 1.0 - r
        s = r / q
        a = (n + 1) * s
        # log1p(-r) by its series when r is tiny (the common case: a rare class), exact to rounding
        log_q = -r * (1.0 + r * (0.5 + r / 3.0)) if r < 1e-4 else math.log1p(-r)
        x = n * log_q
        u = uniform(st)
        k = 0
        if u <= 1.0 + x:
            return n if flip else 0  # u <= 1 + x <= exp(x) = P(0): no exp needed, the usual rare-class case
        f = math.exp(x)
        while u > f and k < n:
            u -= f
            k += 1
            f *= a / k - s
    else:
        k = _binomial_btrs(st, n, r)
    return n - k if flip else k


@jit
def poisson(st, cache, mean):
    """Poisson(mean): inversion for small means, Hormann's (1993) PTRS rejection for larger ones."""
    if mean < 10.0:
        f = math.exp(-mean)
        u = uniform(st)
        k = 0
        while u > f and k < 1000:
            u -= f
            k += 1
            f *= mean / k
        return k
    slam = math.sqrt(mean)
    loglam = math.log(mean)
    b = 0.931 + 2.53 * slam
    a = -0.059 + 0.02483 * b
    inv_alpha = 1.1239 + 1.1328 / (b - 3.4)
    v_r = 0.9277 - 3.6224 / (b - 2.0)
    while True:
        u = uniform(st) - 0.5
        v = uniform(st)
        us = 0.5 - abs(u)
        k = int(math.floor((2.0 * a / us + b) * u + mean + 0.43))
        if us >= 0.07 and v <= v_r:
            return k
        if k < 0 or (us < 0.013 and v > us):
            continue
        if math.log(v) + math.log(inv_alpha) - math.log(a / (us * us) + b) <= -mean + k * loglam - log_factorial(k):
            return k
