"""An optimal one-to-one assignment between two lists, for a matrix of costs."""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["assign"]


def assign(cost: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """The pairs ``(row, column)`` that pair every row of the shorter side at least total cost.

    The Hungarian method with potentials (Kuhn-Munkres, ``O(n² m)``), for a rectangular
    matrix; rows and columns are swapped inside when there are more rows than columns.
    The pairs come sorted by row.
    """
    n = len(cost)
    m = len(cost[0]) if n else 0
    if not n or not m:
        return []
    if n > m:
        swapped = [[cost[i][j] for i in range(n)] for j in range(m)]
        return sorted((i, j) for j, i in assign(swapped))
    inf = float("inf")
    u = [0.0] * (n + 1)
    v = [0.0] * (m + 1)
    owner = [0] * (m + 1)  # owner[j]: the row (1-based) given column j, 0 for none
    way = [0] * (m + 1)
    for i in range(1, n + 1):
        owner[0] = i
        j0 = 0
        least = [inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0 = owner[j0]
            row = cost[i0 - 1]
            delta, j1 = inf, 0
            for j in range(1, m + 1):
                if used[j]:
                    continue
                reduced = row[j - 1] - u[i0] - v[j]
                if reduced < least[j]:
                    least[j] = reduced
                    way[j] = j0
                if least[j] < delta:
                    delta, j1 = least[j], j
            for j in range(m + 1):
                if used[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    least[j] -= delta
            j0 = j1
            if owner[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            owner[j0] = owner[j1]
            j0 = j1
    return sorted((owner[j] - 1, j - 1) for j in range(1, m + 1) if owner[j])
