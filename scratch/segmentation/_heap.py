"""A binary min-heap of ``(value, age, index, source)`` items — the watershed's priority queue.

This is the one priority queue of scratch (DESIGN.md: "the priority queue where watershed
lives"); anything that floods an image in priority order imports it from here.

The heap
--------
A *binary heap* is a complete binary tree stored in an array: the children of slot ``i`` are
slots ``2i + 1`` and ``2i + 2``, its parent is ``(i + 1) // 2 - 1``.  The *heap invariant*
says that no child is smaller than its parent, so the smallest item is always in slot 0.

* **push** puts the new item in the first free slot and lets it *sift up*: while it is
  smaller than its parent, the parent moves down one level into the hole.  ``O(log n)``.
* **pop** takes slot 0, moves the last item into the root and lets it *sift down*: while the
  smaller of its children is smaller than it, that child moves up into the hole.  ``O(log n)``.

Items are ordered by ``value`` and, between equal values, by ``age`` (the push counter of
the watershed): smaller first.  The comparison is written exactly as scikit-image's
``heap_watershed.pxi`` writes it (``a.value != b.value ? a.value < b.value : a.age < b.age``)
and the sift loops make the same comparisons in the same order, so items that compare equal
(watershed markers all have age 0) leave the heap in exactly the reference's order — a plain
"any priority queue with the same order" would not guarantee that.

Storage is four parallel arrays (structure of arrays) that double in length when full.
Numba cannot resize an array in place, so :func:`heap_reserve` returns the (possibly new)
arrays as a tuple and the caller rebinds them before a batch of pushes:
``values, ages, indices, sources = heap_reserve((values, ages, indices, sources), size, n)``;
push and pop take the four arrays one by one (tuples of arrays passed on every call cost
reference-count updates that dominate a heap operation).

Packed keys
-----------
When the values are replaced by their *ranks* (0, 1, 2, ... in increasing order of value), the
pair ``(rank, age)`` fits in one unsigned 64-bit integer, ``key = rank << age_bits | age``, and
comparing two keys compares ``(rank, age)`` exactly as :func:`smaller` compares
``(value, age)``.  :func:`key_heap_push` / :func:`key_heap_pop` are the same heap on such keys
with one payload array (``indices``): the same comparisons with the same outcomes, so the
same layout and the same order between tied items, at half the memory and one integer
comparison per step.  The pop's bottom-up sift also chooses the smaller child without a
branch, reading a sentinel key (all bits set) in the freed last slot, so the heap arrays need
one spare slot.  The same sentinel, ``KEY_HEAP_SENTINEL``, may be pushed as a *stand-in* for
an item that will not be popped while the heap is in use: it compares as larger than every
key, so every other item moves exactly as it would with the real item there.

Reference: T. H. Cormen et al., *Introduction to Algorithms*, 3rd ed., ch. 6 (Heapsort).
"""

import numpy as np

from .._jit import jit

__all__ = ["heap_new", "heap_reserve", "heap_push", "heap_pop", "smaller",
           "key_heap_new", "key_heap_reserve", "key_heap_push", "key_heap_pop", "KEY_HEAP_SENTINEL"]


@jit
def heap_new(capacity):
    """An empty heap with room for ``capacity`` items: ``(values, ages, indices, sources)``."""
    capacity = max(capacity, 16)
    return (np.empty(capacity, np.float64), np.empty(capacity, np.int64),
            np.empty(capacity, np.intp), np.empty(capacity, np.intp))


@jit(inline="always")
def smaller(value_a, age_a, value_b, age_b):
    """``True`` if item a comes out of the heap before item b: by value, then by age."""
    if value_a != value_b:
        return value_a < value_b
    return age_a < age_b


@jit(inline="always")
def _grown(heap):
    """The heap's arrays copied into arrays twice as long."""
    values, ages, indices, sources = heap
    n = values.shape[0]
    new = heap_new(2 * n)
    new[0][:n] = values
    new[1][:n] = ages
    new[2][:n] = indices
    new[3][:n] = sources
    return new


@jit(inline="always")
def heap_reserve(heap, size, extra):
    """The heap, grown if ``extra`` more items would not fit (rebind it: ``heap = ...``)."""
    while size + extra > heap[0].shape[0]:
        heap = _grown(heap)
    return heap


@jit(inline="always")
def heap_push(values, ages, indices, sources, size, value, age, index, source):
    """Add an item to a heap holding ``size`` items (room reserved by :func:`heap_reserve`).

    The heap's four arrays are passed one by one (a tuple argument would cost reference-count
    updates on every call).  The caller increments its ``size`` afterwards.
    """
    child = size
    while child > 0:  # sift up: move parents down into the hole while the item is smaller
        parent = (child + 1) // 2 - 1
        if smaller(value, age, values[parent], ages[parent]):
            values[child] = values[parent]
            ages[child] = ages[parent]
            indices[child] = indices[parent]
            sources[child] = sources[parent]
            child = parent
        else:
            break
    values[child] = value
    ages[child] = age
    indices[child] = index
    sources[child] = source
    return None


@jit(inline="always")
def heap_pop(values, ages, indices, sources, size):
    """Remove the smallest item of a heap holding ``size > 0`` items.

    Returns ``(value, age, index, source)``; the caller decrements its ``size`` afterwards.

    The last item moves into the root's place.  If its age is not 0 it is the only item
    with its ``(value, age)`` (the watershed's ages are unique but for its markers' 0), and
    Floyd's *bottom-up* sift is used: the hole goes down along the smaller children to a
    leaf (one comparison per level instead of two), then the item sifts up from there.
    For a unique key this ends in exactly the place the textbook sift-down would put it;
    for an age-0 item, which may tie, the textbook sift-down is used so that ties resolve
    as in the reference.
    """
    top = (values[0], ages[0], indices[0], sources[0])
    size -= 1
    if size == 0:
        return top
    value = values[size]
    age = ages[size]
    index = indices[size]
    source = sources[size]
    i = 0
    if age != 0:
        # bottom-up: hole to a leaf along the smaller children ...
        while True:
            left = 2 * i + 1
            if left >= size:
                break
            child = left
            right = left + 1
            if right < size and smaller(values[right], ages[right], values[left], ages[left]):
                child = right
            values[i] = values[child]
            ages[i] = ages[child]
            indices[i] = indices[child]
            sources[i] = sources[child]
            i = child
        # ... then the item back up while it is smaller than its parent
        while i > 0:
            parent = (i + 1) // 2 - 1
            if smaller(value, age, values[parent], ages[parent]):
                values[i] = values[parent]
                ages[i] = ages[parent]
                indices[i] = indices[parent]
                sources[i] = sources[parent]
                i = parent
            else:
                break
    else:
        while True:  # textbook sift-down
            left = 2 * i + 1
            if left >= size:
                break
            child = left
            right = left + 1
            if right < size and smaller(values[right], ages[right], values[left], ages[left]):
                child = right
            if not smaller(values[child], ages[child], value, age):
                break
            values[i] = values[child]
            ages[i] = ages[child]
            indices[i] = indices[child]
            sources[i] = sources[child]
            i = child
    values[i] = value
    ages[i] = age
    indices[i] = index
    sources[i] = source
    return top



# --- the same heap on packed (rank, age) keys ------------------------------------------------

KEY_HEAP_SENTINEL = _SENTINEL = np.uint64(0xFFFFFFFFFFFFFFFF)  # larger than every key


@jit
def key_heap_new(capacity):
    """An empty packed-key heap with room for ``capacity`` items: ``(keys, indices)``."""
    capacity = max(capacity, 16)
    return np.empty(capacity + 1, np.uint64), np.empty(capacity + 1, np.intp)


@jit(inline="always")
def key_heap_reserve(keys, indices, size, extra):
    """The heap's arrays, grown if ``extra`` more items (and the spare slot) would not fit."""
    if size + extra + 1 > keys.shape[0]:
        capacity = keys.shape[0]
        while size + extra + 1 > capacity:
            capacity *= 2
        new_keys = np.empty(capacity, np.uint64)
        new_indices = np.empty(capacity, np.intp)
        new_keys[:size] = keys[:size]
        new_indices[:size] = indices[:size]
        return new_keys, new_indices
    return keys, indices


@jit(inline="always")
def key_heap_push(keys, indices, size, key, index):
    """Add ``(key, index)`` to a heap of ``size`` items; the caller increments ``size``."""
    child = size
    while child > 0:  # sift up
        parent = (child + 1) // 2 - 1
        if key < keys[parent]:
            keys[child] = keys[parent]
            indices[child] = indices[parent]
            child = parent
        else:
            break
    keys[child] = key
    indices[child] = index
    return None


@jit(inline="always")
def key_heap_pop(keys, indices, size, age_mask):
    """Remove the smallest item of a heap of ``size > 0`` items: ``(key, index)``.

    ``age_mask`` selects the age bits of a key: an item of age 0 may tie and takes the
    textbook sift-down (as :func:`heap_pop`); any other item takes the bottom-up sift.
    The caller decrements ``size`` afterwards.
    """
    top_key = keys[0]
    top_index = indices[0]
    size -= 1
    if size == 0:
        return top_key, top_index
    key = keys[size]
    index = indices[size]
    i = 0
    if key & age_mask != 0:
        keys[size] = _SENTINEL  # a missing right child never wins
        while True:  # bottom-up: the hole to a leaf along the smaller children ...
            left = 2 * i + 1
            if left >= size:
                break
            child = left + np.intp(keys[left + 1] < keys[left])
            keys[i] = keys[child]
            indices[i] = indices[child]
            i = child
        while i > 0:  # ... then the item back up
            parent = (i + 1) // 2 - 1
            if key < keys[parent]:
                keys[i] = keys[parent]
                indices[i] = indices[parent]
                i = parent
            else:
                break
    else:
        while True:  # textbook sift-down
            left = 2 * i + 1
            if left >= size:
                break
            child = left
            right = left + 1
            if right < size and keys[right] < keys[left]:
                child = right
            if not keys[child] < key:
                break
            keys[i] = keys[child]
            indices[i] = indices[child]
            i = child
    keys[i] = key
    indices[i] = index
    return top_key, top_index
