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

The count is set through ``threadpoolctl`` (the library scikit-learn and numpy's own docs use for
this), for whichever BLAS numpy loaded (OpenBLAS, MKL, BLIS; any system), and the previous count is
restored afterwards; with no BLAS of its knowing the block runs unchanged.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache

from threadpoolctl import ThreadpoolController


@lru_cache(maxsize=1)
def controller() -> ThreadpoolController:
    """The thread pools of the BLAS numpy loaded (found once: 30 ms; each limit then costs ~60 us)."""
    import numpy  # noqa: F401  (loads the BLAS numpy is linked with)

    return ThreadpoolController()


def blas_threads() -> int | None:
    """The BLAS's thread count now; None when numpy's BLAS is none threadpoolctl knows."""
    pools = controller().select(user_api="blas").info()
    return int(pools[0]["num_threads"]) if pools else None


@contextmanager
def one_blas_thread() -> Iterator[None]:
    """The block's BLAS calls on one thread (see the module's doc); the count before is restored."""
    with controller().limit(limits=1, user_api="blas"):
        yield
