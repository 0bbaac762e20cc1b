"""Run a block of numpy work with the BLAS library on one thread.

natasha's models (slovnet) are numpy code whose time is matrix products: three CNN encoders over
every sentence, each ``np.matmul`` a BLAS call. numpy's bundled OpenBLAS starts as many threads as
the machine has cores, and for products this small (8 sentences of 330-wide embeddings) the threads
cost more than they save: they spin waiting for work, and on a machine already busy (analysis
workers, one per core) they fight the other processes for the cores. Measured on 30 Russian news
articles of the narratives peer set (a shared 2-core machine, load 5-7): natasha's parse took
6.0-10.1 s of CPU and 11.7-19.7 s of wall time with OpenBLAS's default threads, 0.9-1.9 s of CPU
and 1.5-3.7 s of wall time on one thread (``benchmarks/blas_threads_bench.py``). The products sum
in another order on one thread, so a near tie may fall the other way: 7 of 5,415 tokens took
another syntax head (same tags, same entities), and the findings of all 94 Russian articles of
the set (places, attributions, events, claims) came out identical. One thread is also the same
sum on any machine, where OpenBLAS's default follows its core count. spaCy (English) does its
products through ``blis`` on one thread already, so this only brings Russian in line.

The thread count is set through OpenBLAS's own ``*_set_num_threads`` function, found in the library
numpy loaded (``/proc/self/maps``: Linux); the previous count is restored afterwards. Where no
OpenBLAS is found (another BLAS, another system) the block runs unchanged.
"""
from __future__ import annotations

import ctypes
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

# OpenBLAS's entry points under the names its builds export: numpy's wheels bundle it with a
# "scipy_" prefix and a "64_" suffix (64-bit integers); a system OpenBLAS has the plain names.
_PREFIXES = ("scipy_openblas", "openblas")
_SUFFIXES = ("64_", "")


@lru_cache(maxsize=1)
def _openblas() -> tuple[Any, Any] | None:
    """OpenBLAS's (set_num_threads, get_num_threads) in this process, None when it has none."""
    import numpy  # noqa: F401  (loads the BLAS numpy is linked with)

    try:
        with open("/proc/self/maps", encoding="utf-8", errors="replace") as f:
            paths = {line.split(None, 5)[-1].strip() for line in f if "openblas" in line.lower()}
    except OSError:
        return None
    for path in sorted(p for p in paths if p.startswith("/")):
        try:
            lib = ctypes.CDLL(path)
        except OSError:
            continue
        for prefix in _PREFIXES:
            for suffix in _SUFFIXES:
                setter = getattr(lib, f"{prefix}_set_num_threads{suffix}", None)
                getter = getattr(lib, f"{prefix}_get_num_threads{suffix}", None)
                if setter is not None and getter is not None:
                    setter.argtypes, setter.restype = [ctypes.c_int], None
                    getter.argtypes, getter.restype = [], ctypes.c_int
                    return setter, getter
    return None


@contextmanager
def one_blas_thread() -> Iterator[None]:
    """The block's BLAS calls on one thread (see the module's doc); the count before is restored."""
    funcs = _openblas()
    if funcs is None:
        yield
        return
    setter, getter = funcs
    before = int(getter())
    if before == 1:
        yield
        return
    setter(1)
    try:
        yield
    finally:
        setter(before)
