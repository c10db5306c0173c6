"""Watershed segmentation by priority flooding (scikit-image's marker-based watershed).

Think of the image as a landscape whose height is the pixel value.  Water wells up from
each *marker* (a labelled seed region) and floods the landscape; where the water of two
markers meets, a *watershed* separates their basins.  The flooding is simulated with a
priority queue (``_heap.py``):

1. Push every marker pixel with priority ``(its value, age 0)``.
2. Pop the pixel with the smallest ``(value, age)``.  For each neighbour (given by the
   connectivity footprint) that is inside the mask and not yet labelled, give it the
   popped pixel's label and push it with priority ``(max(neighbour value, popped value),
   age)``, where ``age`` counts the pushes so far.
3. Repeat until the queue is empty.

Why ``(value, age)``?  The value makes the water rise evenly: low pixels are reached before
high ones, so basins meet on the ridges.  The *age* breaks ties: on a flat plateau the pixel
queued first leaves first, so the water spreads breadth-first from every marker at the same
speed and the plateau is split halfway between markers (Soille & Ansoult 1990).  The
``max`` with the popped value stops water from "falling" into a lower pixel behind a
ridge before the level it crossed has been completed.

Variants (exactly as scikit-image 0.26):

* **Compact watershed** (``compactness > 0``; Neubert & Protzel 2014): the priority of a
  neighbour is ``value + compactness * (Euclidean distance to its marker pixel)``, so basins
  grow more like discs.  A pixel can then be pushed several times with different costs; it
  is labelled when it is *popped* for the first time.
* **Watershed lines** (``watershed_line=True``, not compact): pixels are labelled when
  popped; a popped pixel that already touches another label is left at 0 and taken out of
  the mask — it becomes part of the one-pixel-wide line.  It still pushes its neighbours,
  as the reference does.

Implementation: the image, mask and output are padded by the footprint radius (padding is
outside the mask), so neighbours of any mask pixel are valid addresses and the kernel works
on flat arrays with raveled neighbour offsets, like ``skimage/segmentation/_watershed_cy.pyx``.
Each pixel is pushed at most once per neighbour: ``O(N log N)`` time for N pixels.

Speed: flooding by rank
-----------------------
Any priority queue pops unique keys in the same order, but markers all enter with age 0, and
the order in which *tied* markers (equal values) leave depends on the binary heap's layout —
which depends on every item pushed and popped before.  To give exactly the reference's labels
the flood must use the same binary heap for as long as a marker is queued.  After the last
marker has left, every key is unique, and the rest of the flood is done with a cheaper queue:

1. The values inside the mask are replaced by their ranks (``0 .. n_levels - 1``; ``-1``
   outside the mask, so one array tells both).  The distinct values come from a hash set
   (most images have few levels) or, when there are many, from sorting the masked values.
2. The same array then holds the labels: a labelled pixel becomes ``-2 - m`` for the marker
   pixel ``m`` it was reached from, so the flood's test "inside the mask and not labelled
   yet" reads one array, and labelling writes the cache line the test just read.
3. While a marker is queued: the binary heap on one packed integer key
   ``rank << age_bits | age`` (same comparisons, same layout, half the memory).
4. Then a *hierarchical queue* (Meyer 1991): one first-in-first-out list per level.  The
   queue pops the lowest non-empty level; within a level, first in is first out, which is
   the age order.  No push is lower than the level being popped, so the level only rises
   and each operation costs ``O(1)``.
5. A push whose key is larger than the last marker's key leaves only after phase 3, so it
   goes straight into its level list (pushes come in age order: the list stays in age
   order).  Its place in the heap is kept by a *stand-in*, a key larger than every key:
   the heap's layout then differs only in which stand-in sits where, and the keys that do
   leave in phase 3 move exactly as in the full heap (a comparison with a larger key has the
   same outcome whether that key is the item or its stand-in; between two of them it only
   decides which stand-in goes where).  So phase 3 ends with nothing to hand over.

Watershed lines use the same ranks, the same one array and the same two queues
(``_flood_lines_by_rank``); a pixel is labelled when popped and can be queued several
times, so each queued item also names its marker.  Labels are coded by the first marker
pixel that carries them (two codes are equal exactly when the labels are), and a marker
pixel that becomes line keeps its label (as in the reference) under a code of its own.
Compact watershed (its priorities are not image values) and images with NaN (no order) use
the ``(value, age)`` heap throughout.
NaN is a known difference: the reference's comparisons with NaN are no order, and our labels
are not compared with its labels there.

References
----------
P. Soille and M. Ansoult, "Automated basin delineation from digital elevation models using
mathematical morphology", Signal Processing 20(2):171-182, 1990.
P. Neubert and P. Protzel, "Compact watershed and preemptive SLIC", ICPR 2014, 996-1001.
F. Meyer, "Un algorithme optimal de ligne de partage des eaux", 8e congres AFCET, 1991.
"""

import numpy as np

from .._checks import describe, native_byte_order
from .._jit import jit, parallel_jit, prange, threads_for
from ..ndimage import generate_binary_structure
from ..ndimage import label as _ndi_label
from ..ndimage._label import label_values
from ._heap import (KEY_HEAP_SENTINEL, heap_new, heap_pop, heap_push, heap_reserve, key_heap_new, key_heap_pop,
                    key_heap_push, key_heap_reserve)

__all__ = ["watershed"]


# --- the kernel ------------------------------------------------------------------------------

@jit
def _euclid_dist(pt0, pt1, strides):
    """Euclidean distance between two raveled positions of an array with ``strides``."""
    result = 0.0
    for i in range(strides.shape[0]):
        curr = float((pt0 // strides[i]) - (pt1 // strides[i]))
        result += curr * curr
        pt0 = pt0 % strides[i]
        pt1 = pt1 % strides[i]
    return np.sqrt(result)


@jit
def _touches_other_label(output, offsets, mask, index, label):
    """Watershed-line test: does a masked neighbour of ``index`` carry a label other than
    ``label``?  If so (or if ``index`` already left the mask) it becomes line: mask it out."""
    if not mask[index]:
        return True
    for k in range(offsets.shape[0]):
        neighbor = index + offsets[k]
        if mask[neighbor]:
            neighbor_label = output[neighbor]
            if neighbor_label != 0 and neighbor_label != label:
                mask[index] = 0
                return True
    return False


@jit
def _flood(image, marker_locations, offsets, mask, strides, compactness, output, wsl):
    """Priority-flood ``output`` (flat, markers already written) over ``image`` (flat).

    ``mask`` (flat uint8, zero on the padding) is modified when ``wsl`` is set.  Returns
    ``output`` (filled in place).

    All arrays are flat views of the image padded by the footprint's radius, so ``index +
    offsets[k]`` is always a valid address and the padding is outside ``mask``.  The plain
    watershed (``compactness == 0``, ``wsl`` False) is:

    1. push every marker pixel ``marker_locations[i]`` with priority ``(image[index], age 0)``;
    2. pop the item with the smallest ``(value, age)`` — by value, equal values by age;
    3. for each neighbour ``index + offsets[k]`` (in the order of ``offsets``) that is inside
       ``mask`` and not labelled yet (``output == 0``): give it the popped pixel's label, add 1
       to the age counter and push it with priority ``(max(image[neighbour], value), age)``
       — the ``max``: water does not run down behind a ridge before the level it crossed is
       done; the age: on a plateau the pixel queued first leaves first (breadth-first);
    4. repeat until the queue is empty.

    Hint: the queue is a binary min-heap; ties between the markers (all age 0) must leave in
    the order of a textbook heap (push: sift up while strictly smaller than the parent; pop:
    the last item to the root, sift down while the smaller child is strictly smaller).
    ``strides``, ``compactness`` and ``wsl`` are for the compact watershed and watershed lines
    (``compactness > 0`` adds ``compactness *`` the Euclidean distance to the marker pixel to
    the priority; both then label a pixel when it is popped); the exercise's cases pass
    ``0.0`` and ``False``.
    """
    compact = compactness > 0
    n_offsets = offsets.shape[0]
    values, ages, indices, sources = heap_new(max(1024, 2 * marker_locations.shape[0]))
    size = 0
    for i in range(marker_locations.shape[0]):
        index = marker_locations[i]
        values, ages, indices, sources = heap_reserve((values, ages, indices, sources), size, 1)
        heap_push(values, ages, indices, sources, size, image[index], 0, index, index)
        size += 1

    age = 1
    while size > 0:
        value, _, index, source = heap_pop(values, ages, indices, sources, size)
        size -= 1
        if compact or wsl:
            # label when popped: a pixel may have been pushed more than once
            if output[index] != 0 and index != source:
                continue  # already reached from elsewhere
            if compact or not _touches_other_label(output, offsets, mask, index, output[source]):
                output[index] = output[source]

        values, ages, indices, sources = heap_reserve((values, ages, indices, sources), size, n_offsets)
        for k in range(n_offsets):
            neighbor = index + offsets[k]
            if not mask[neighbor]:
                continue  # outside the mask, padding or watershed line
            if output[neighbor] != 0:
                continue  # labelled already
            age += 1
            new_value = image[neighbor]
            if compact:
                new_value += compactness * _euclid_dist(neighbor, source, strides)
            elif not wsl:
                # plain watershed: the first push is the cheapest, label now
                output[neighbor] = output[index]
            if new_value < value:
                new_value = value  # water does not flow down behind a ridge before its level
            heap_push(values, ages, indices, sources, size, new_value, age, neighbor, source)
            size += 1
    return output


@jit
def _flood_by_rank(state, n_levels, pool, marker_locations, offsets, age_bits):
    """The plain watershed on value *ranks*, in two phases (see "Speed" in the module docstring).

    ``state`` (flat, padded) holds a pixel's rank ``0 .. n_levels - 1`` (the order of the image
    values) while it is unlabelled, ``-1`` outside the mask, and ``-2 - m`` once it is
    labelled from marker pixel ``m`` (its place in ``marker_locations``).  So "outside the
    mask or labelled already" is one test (``< 0``) on one array, and labelling a pixel writes
    the cache line the test read.

    The level lists live in ``pool`` (one row per masked pixel, as each pixel is pushed at
    most once): an entry is a pixel and the next entry of its list, ``pool[entry] = (pixel,
    next)``, side by side so that following a list reads one cache line per entry.  Push
    number ``n`` (from 0) has entry ``n`` and *age* ``n + 1`` (markers have age 0).

    1. While a marker (age 0, which may tie) is queued, the pops come from the binary heap on
       packed ``rank << age_bits | age`` keys, which orders and ties exactly as ``_flood``'s
       heap.  A push with a key above the last marker's (it cannot leave before phase 2)
       goes to its level list at once, and the heap gets a stand-in (``KEY_HEAP_SENTINEL``)
       in its place: the module docstring, "Speed" 5, tells why that changes no pop.
    2. Then every key is distinct, and a queue with the same order will do: every item still
       queued is in the level lists, in age order, and the flood pops the lowest non-empty
       level.  Nothing lower than the popped level is ever pushed, so the level only rises,
       from the level of phase 1's last pop.
    """
    n_offsets = offsets.shape[0]
    n_markers = marker_locations.shape[0]
    shift = np.uint64(age_bits)
    age_mask = np.uint64((1 << age_bits) - 1)
    head = np.full(n_levels, -1, pool.dtype)
    tail = np.full(n_levels, -1, pool.dtype)
    used = 0

    # -- phase 1: the exact heap while a marker is queued
    keys, indices = key_heap_new(max(1024, 2 * n_markers))
    size = 0
    last_marker_key = np.uint64(0)
    for i in range(n_markers):
        index = marker_locations[i]
        key = np.uint64(state[index]) << shift
        last_marker_key = max(last_marker_key, key)
        keys, indices = key_heap_reserve(keys, indices, size, 1)
        key_heap_push(keys, indices, size, key, index)
        size += 1
    for i in range(n_markers):
        state[marker_locations[i]] = -2 - i  # labelled by marker pixel i
    markers_queued = n_markers
    level = np.uint64(0)
    while markers_queued > 0:
        key, index = key_heap_pop(keys, indices, size, age_mask)
        size -= 1
        if key & age_mask == 0:
            markers_queued -= 1
        level = key >> shift
        keys, indices = key_heap_reserve(keys, indices, size, n_offsets)
        label = state[index]  # -2 - marker
        for k in range(n_offsets):
            neighbor = index + offsets[k]
            neighbor_rank = state[neighbor]
            if neighbor_rank < 0:
                continue  # outside the mask (or padding), or labelled already
            state[neighbor] = label
            neighbor_level = np.uint64(neighbor_rank)
            if neighbor_level < level:
                neighbor_level = level  # no flowing down behind a ridge
            key = (neighbor_level << shift) | np.uint64(used + 1)
            if key > last_marker_key:
                # it leaves after the last marker, in phase 2: straight into its level list,
                # and a stand-in larger than every key keeps its place in the heap
                _append(head, tail, pool, used, neighbor_level, neighbor)
                key = KEY_HEAP_SENTINEL
            used += 1
            key_heap_push(keys, indices, size, key, neighbor)
            size += 1

    # -- phase 2: the level lists (the heap holds stand-ins only), from the level of the last pop
    current = np.intp(level)
    while current < n_levels:
        entry = head[current]
        if entry == -1:
            current += 1  # this level is finished: nothing lower can be pushed any more
            continue
        head[current] = pool[entry, 1]
        index = pool[entry, 0]
        label = state[index]
        for k in range(n_offsets):
            neighbor = index + offsets[k]
            neighbor_rank = state[neighbor]
            if neighbor_rank < 0:
                continue  # outside the mask, or labelled already
            state[neighbor] = label
            _append(head, tail, pool, used, max(np.intp(neighbor_rank), current), neighbor)
            used += 1


@jit(inline="always")
def _append(head, tail, pool, entry, level, index):
    """Put pixel ``index``, as pool entry ``entry``, at the end of the list of ``level``."""
    pool[entry, 0] = index
    pool[entry, 1] = -1
    if head[level] == -1:
        head[level] = entry
    else:
        pool[tail[level], 1] = entry
    tail[level] = entry


@jit
def _pop_line_pixel(state, offsets, index, marker, n_markers, is_marker):
    """Watershed lines, a popped pixel: ``True`` if it goes on to queue its neighbours.

    As ``_flood`` with ``wsl``: a pixel labelled already is skipped (unless this is its
    marker's own item); it takes its marker's label (``state = -2 - marker``) unless a
    labelled neighbour carries another label, in which case it becomes line (``-1``: out of
    the mask) but still queues its neighbours, as the reference does.  A marker pixel that
    becomes line keeps its label, as in the reference (where only its mask bit is cleared):
    it is coded ``-2 - n_markers - marker``, below every label code.
    """
    code = state[index]
    if code <= -2 and not is_marker:
        return False  # labelled already
    if code == -1:
        return True  # already line
    own = -2 - marker
    for k in range(offsets.shape[0]):
        neighbor_code = state[offsets[k] + index]
        if neighbor_code <= -2 and neighbor_code > -2 - n_markers and neighbor_code != own:
            state[index] = own - n_markers if is_marker else -1  # line
            return True
    state[index] = own
    return True


@jit
def _flood_lines_by_rank(state, n_levels, n_masked, marker_locations, markers, offsets, age_bits, index_bits):
    """Watershed lines on value ranks: ``_flood(..., wsl=True)``'s result, in the two phases
    of the plain flood (the exact heap while a marker is queued, then one FIFO list per level).

    ``state`` is as in :func:`_flood_by_rank`, with the codes of :func:`_pop_line_pixel`:
    a rank ``>= 0`` while unlabelled, ``-1`` outside the mask and on the line, ``-2 - m``
    once labelled with the label of marker pixel ``m``.  ``markers[i]`` is the first marker
    pixel with the label of marker pixel ``i``, so that two equal codes mean two equal labels.

    A pixel is labelled when popped and may be queued once per neighbour, so an item names
    its pixel and its marker: ``payload = marker << index_bits | pixel``.  As in
    :func:`_flood_by_rank`, a push that cannot leave before the last marker goes straight to
    its level list (a pool of ``(payload, next)`` entries that grows when full) and leaves a
    stand-in in the heap; push number ``n`` (from 1) has age ``n``.
    """
    n_offsets = offsets.shape[0]
    n_markers = marker_locations.shape[0]
    shift = np.uint64(age_bits)
    age_mask = np.uint64((1 << age_bits) - 1)
    pixel_mask = (1 << index_bits) - 1
    head = np.full(n_levels, -1, np.intp)
    tail = np.full(n_levels, -1, np.intp)
    pool = np.empty((2 * n_masked + 1024, 2), np.intp)
    used = 0

    # -- phase 1: the exact heap while a marker (age 0, which may tie) is queued
    keys, payloads = key_heap_new(max(1024, 2 * n_markers))
    size = 0
    last_marker_key = np.uint64(0)
    for i in range(n_markers):
        index = marker_locations[i]
        keys, payloads = key_heap_reserve(keys, payloads, size, 1)
        key = np.uint64(state[index]) << shift
        last_marker_key = max(last_marker_key, key)
        key_heap_push(keys, payloads, size, key, (markers[i] << index_bits) | index)
        size += 1
    for i in range(n_markers):
        state[marker_locations[i]] = -2 - markers[i]
    markers_queued = n_markers
    level = np.uint64(0)
    n_pushed = 0
    while markers_queued > 0:
        key, payload = key_heap_pop(keys, payloads, size, age_mask)
        size -= 1
        is_marker = key & age_mask == 0
        if is_marker:
            markers_queued -= 1
        level = key >> shift
        index = payload & pixel_mask
        marker = payload >> index_bits
        if not _pop_line_pixel(state, offsets, index, marker, n_markers, is_marker):
            continue
        keys, payloads = key_heap_reserve(keys, payloads, size, n_offsets)
        if used + n_offsets > pool.shape[0]:
            pool = _grown(pool, used)
        for k in range(n_offsets):
            neighbor = index + offsets[k]
            neighbor_rank = state[neighbor]
            if neighbor_rank < 0:
                continue  # outside the mask, line, or labelled already
            neighbor_level = max(np.uint64(neighbor_rank), level)
            n_pushed += 1
            key = (neighbor_level << shift) | np.uint64(n_pushed)
            if key > last_marker_key:  # it leaves in phase 2: as in _flood_by_rank
                _append(head, tail, pool, used, neighbor_level, (marker << index_bits) | neighbor)
                used += 1
                key = KEY_HEAP_SENTINEL
            key_heap_push(keys, payloads, size, key, (marker << index_bits) | neighbor)
            size += 1

    # -- phase 2: the level lists (the heap holds stand-ins only), from the level of the last pop
    current = np.intp(level)
    while current < n_levels:
        entry = head[current]
        if entry == -1:
            current += 1
            continue
        head[current] = pool[entry, 1]
        payload = pool[entry, 0]
        index = payload & pixel_mask
        marker = payload >> index_bits
        if not _pop_line_pixel(state, offsets, index, marker, n_markers, False):
            continue
        if used + n_offsets > pool.shape[0]:
            pool = _grown(pool, used)
        for k in range(n_offsets):
            neighbor = index + offsets[k]
            neighbor_rank = state[neighbor]
            if neighbor_rank < 0:
                continue
            _append(head, tail, pool, used, max(np.intp(neighbor_rank), current),
                    (marker << index_bits) | neighbor)
            used += 1


@jit
def _grown(array, used):
    """``array`` copied into one twice as long (its first ``used`` entries)."""
    bigger = np.empty((2 * array.shape[0],) + array.shape[1:], array.dtype)
    bigger[:used] = array[:used]
    return bigger


@jit
def _float_bits(value, buffer, bits):
    """The 64 bits of float ``value`` as an unsigned integer (``bits`` views ``buffer``)."""
    buffer[0] = value
    return bits[0]


@parallel_jit
def _distinct_in_chunks(image, mask, capacity, slots, taken, status):
    """The distinct values of ``image`` (rows ``(R, C)``) inside ``mask``, one hash set per
    chunk of rows (open addressing with linear probing, Fibonacci hashing of the value's bits).

    Chunk ``k`` fills ``slots[k]`` where ``taken[k]`` (which arrives all False) and sets
    ``status[k]``: 0 done, 1 a value is NaN, 2 more than ``capacity`` distinct values.
    """
    n_chunks, n_slots = slots.shape
    table_bits = 0
    while (1 << table_bits) < n_slots:
        table_bits += 1
    slot_mask = np.uint64(n_slots - 1)
    shift = np.uint64(32 - table_bits)
    low_32 = np.uint64(0xFFFFFFFF)
    n_rows = image.shape[0]
    for k in prange(n_chunks):
        buffer = np.empty(1, np.float64)
        bits = buffer.view(np.uint64)
        n_distinct = 0
        status[k] = 0
        for r in range(k * n_rows // n_chunks, (k + 1) * n_rows // n_chunks):
            for c in range(image.shape[1]):
                if not mask[r, c]:
                    continue
                value = np.float64(image[r, c]) + 0.0  # -0.0 + 0.0 is 0.0: one level, as for "<"
                if value != value:
                    status[k] = 1
                    break
                # Fibonacci hashing of the bits folded to 32 (no product overflows 64 bits)
                folded = _float_bits(value, buffer, bits)
                folded = (folded ^ (folded >> np.uint64(32))) & low_32
                slot = ((folded * np.uint64(0x9E3779B1)) & low_32) >> shift
                while taken[k, slot] and slots[k, slot] != value:
                    slot = (slot + np.uint64(1)) & slot_mask
                if not taken[k, slot]:
                    if n_distinct == capacity:
                        status[k] = 2
                        break
                    taken[k, slot] = True
                    slots[k, slot] = value
                    n_distinct += 1
            if status[k] != 0:
                break


def _distinct_levels(image, mask, capacity):
    """The distinct values of ``image`` (rows ``(R, C)``) inside ``mask``, as sorted float64.

    Hash sets (one per thread, on its share of the rows, then merged) are much cheaper than
    sorting every masked value when the image has few levels, as most images do.  Returns
    ``(levels, status)``: status 0 done, 1 a value is NaN, 2 more than ``capacity`` distinct
    values (the caller sorts instead).
    """
    n_chunks = max(1, min(threads_for(image.size), image.shape[0]))
    n_slots = 16
    while n_slots < 2 * capacity:
        n_slots *= 2
    slots = np.empty((n_chunks, n_slots), np.float64)
    taken = np.zeros((n_chunks, n_slots), bool)
    status = np.zeros(n_chunks, np.intp)
    _distinct_in_chunks.sized(image.size)(image, mask, capacity, slots, taken, status)
    if (status == 1).any():
        return np.empty(0, np.float64), 1
    levels = np.unique(slots[taken])
    if (status == 2).any() or levels.size > capacity:
        return np.empty(0, np.float64), 2
    return levels, 0


@parallel_jit
def _masked_range(image, mask, row_low, row_high, row_count):
    """Per row of ``image`` (rows ``(R, C)``, integers): the smallest and largest value inside
    ``mask`` and how many pixels it has there."""
    for r in prange(image.shape[0]):
        count = 0
        low = high = np.int64(0)
        for c in range(image.shape[1]):
            if mask[r, c]:
                value = np.int64(image[r, c])
                if count == 0 or value < low:
                    low = value
                if count == 0 or value > high:
                    high = value
                count += 1
        row_low[r] = low
        row_high[r] = high
        row_count[r] = count


@parallel_jit
def _prepare_ranks(image, mask, markers, levels, low, row_start, state, row_markers):
    """Fill the padded flat ``state`` with the ranks of the masked pixels, ``-1`` elsewhere.

    The image is seen as rows ``(R, C)``; row ``r`` starts at ``row_start[r]`` in the padded
    array, and the padding between two rows (and before the first, after the last) is written
    by the row before it.  A rank is ``value - low`` when ``levels`` is empty, else the value's
    place in the sorted distinct ``levels``, found by binary search.  ``row_markers[r]`` is
    ``(count, first column, last column + 1)`` of the markers of row ``r`` inside the mask.
    """
    n_rows, n_cols = image.shape
    search = levels.shape[0] > 0
    for i in range(row_start[0]):
        state[i] = -1
    for r in prange(n_rows):
        start = row_start[r]
        count = first = last = 0
        for c in range(n_cols):
            if not mask[r, c]:
                state[start + c] = -1
                continue
            if markers[r, c] != 0:
                if count == 0:
                    first = c
                last = c + 1
                count += 1
            if search:
                # binary search for the first level >= value (the value is one of them);
                # halving a range of fixed length needs no unpredictable branch
                value = np.float64(image[r, c])
                base = 0
                n = levels.shape[0]
                while n > 1:
                    half = n // 2
                    base = base + half if levels[base + half] <= value else base
                    n -= half
                state[start + c] = base
            else:
                state[start + c] = np.int64(image[r, c]) - low
        row_markers[r, 0] = count
        row_markers[r, 1] = first
        row_markers[r, 2] = last
        stop = row_start[r + 1] if r + 1 < n_rows else state.shape[0]
        for i in range(start + n_cols, stop):
            state[i] = -1  # padding


@parallel_jit
def _collect_markers(mask, markers, row_start, row_markers, first, locations, labels):
    """The masked markers in raster order: padded flat ``locations`` and ``labels``; those of
    row ``r`` go from ``first[r]`` on (``first`` is the running sum of the rows' counts) and
    lie in the columns ``row_markers[r, 1:3]`` that :func:`_prepare_ranks` found."""
    for r in prange(markers.shape[0]):
        k = first[r]
        for c in range(row_markers[r, 1], row_markers[r, 2]):
            if mask[r, c] and markers[r, c] != 0:
                locations[k] = row_start[r] + c
                labels[k] = markers[r, c]
                k += 1


@parallel_jit
def _unpad_labels(state, labels, row_start, out):
    """``out`` (rows ``(R, C)``) from the flood's padded flat ``state`` (the inverse of the
    row map): a pixel labelled from marker ``m`` (``state == -2 - m``) gets ``labels[m]``,
    any other pixel 0."""
    n_cols = out.shape[1]
    for r in prange(out.shape[0]):
        start = row_start[r]
        for c in range(n_cols):
            code = state[start + c]
            out[r, c] = labels[-2 - code] if code <= -2 else 0


@jit
def _nonzero(flat):
    """Raveled positions of the nonzero entries (the markers), in raster order."""
    count = 0
    for i in range(flat.shape[0]):
        if flat[i] != 0:
            count += 1
    out = np.empty(count, np.intp)
    k = 0
    for i in range(flat.shape[0]):
        if flat[i] != 0:
            out[k] = i
            k += 1
    return out


_HASHED_LEVELS = 1 << 16  # up to this many distinct values are found by hashing, not sorting


# --- helpers of the wrapper ----------------------------------------------------------------

def _neighbour_offsets(padded_shape, footprint, center):
    """Raveled offsets of the footprint's True elements, nearest first (stable), centre dropped.

    The order matters: it is the order in which neighbours are pushed, hence their ages.

    Each True element of ``footprint`` at coordinates ``c`` is the neighbour ``c - center``;
    in a flat C-order array of shape ``padded_shape`` it is ``sum_d (c_d - center_d) *
    stride_d`` elements away, ``stride_d = prod(padded_shape[d + 1:])``.  Sort the elements
    by their Euclidean distance to the centre with a *stable* sort (equal distances keep the
    raster order of ``np.nonzero``), drop the first (the centre itself, distance 0) and
    return an ``intp`` array.  Example: ``padded_shape=(5, 6)``, the 3 x 3 cross, ``center=(1,
    1)`` gives ``[-6, -1, 1, 6]``.  (If an axis of ``padded_shape`` is shorter than the
    footprint, equal offsets can occur: keep only the first of each.)
    """
    coords = np.stack([idx - c for idx, c in zip(np.nonzero(footprint), center)], axis=-1)
    factors = np.cumprod((tuple(padded_shape[1:]) + (1,))[::-1])[::-1]
    raveled = (coords * factors).sum(axis=1)
    distances = np.sqrt(np.sum(coords.astype(np.float64) ** 2, axis=1))
    order = np.argsort(distances, kind="stable")
    raveled = raveled[order]
    if any(s < f for s, f in zip(padded_shape, footprint.shape)):
        _, first = np.unique(raveled, return_index=True)
        raveled = raveled[np.sort(first, kind="stable")]
    return np.ascontiguousarray(raveled[1:], dtype=np.intp)  # the first is the centre itself


def _rank_levels(image, mask, padded_size):
    """How to rank the values inside ``mask``: ``(levels, low, n_levels)``, or None.

    ``image`` and ``mask`` are seen as rows ``(R, C)``.  Ranks number the distinct values
    (as float64, the reference's working type) in increasing order.  Integer images of up to
    32 bits with a short range use ``value - low`` (``levels`` empty); others search the
    sorted distinct ``levels``, found by a hash set when there are at most
    ``_HASHED_LEVELS`` of them, else by sorting the masked values.  None (use the float heap)
    if there is nothing to flood, if a value is NaN (``<`` is no order), or if
    ``(rank, age)`` would not fit in 64 bits.
    """
    levels, low = np.empty(0, np.float64), 0
    small_int = image.dtype.kind in "biu" and image.dtype.itemsize <= 4
    if small_int:
        n_rows = image.shape[0]
        row_low, row_high, row_count = np.empty(n_rows, np.int64), np.empty(n_rows, np.int64), np.empty(n_rows, np.intp)
        _masked_range.sized(image.size)(image.view(np.uint8) if image.dtype == bool else image, mask,
                                        row_low, row_high, row_count)
        filled = row_count > 0
        if not filled.any():
            return None
        low, high = int(row_low[filled].min()), int(row_high[filled].max())
        n_levels = high - low + 1
        n_values = int(row_count.sum())
    if not small_int or n_levels > 4 * n_values + 256:  # a long range: the distinct values
        low = 0
        levels, status = _distinct_levels(image, mask, _HASHED_LEVELS)
        if status == 1:
            return None  # NaN
        if status == 2:  # many levels: sort the masked values
            levels = image[mask].astype(np.float64)  # a copy: sort it in place
            levels.sort()
            if np.isnan(levels[-1]):  # NaN sorts last
                return None
            distinct = np.empty(levels.size, bool)
            distinct[0] = True
            np.not_equal(levels[1:], levels[:-1], out=distinct[1:])
            levels = levels[distinct]
        if levels.size == 0:
            return None
        n_levels = levels.size
    age_bits = (padded_size + 1).bit_length()
    if n_levels >= min(2 ** 31, 2 ** (64 - age_bits)):
        return None
    return levels, low, n_levels


def _row_starts(shape, center, padded_shape):
    """The padded flat index of the first pixel of every row (last axis) of ``shape``."""
    if len(shape) == 1:
        return np.array([center[0]], dtype=np.intp)
    padded_strides = np.cumprod((tuple(padded_shape[1:]) + (1,))[::-1])[::-1]
    rows = np.indices(shape[:-1]).reshape(len(shape) - 1, -1)
    starts = ((rows + np.asarray(center[:-1])[:, None]) * padded_strides[:-1, None]).sum(axis=0)
    return np.ascontiguousarray(starts + center[-1], dtype=np.intp)


def _local_minima_markers(image, mask, connectivity):
    """Markers for ``markers=None``: the local minima of ``image`` (plateaus strictly lower
    than all their neighbours) inside ``mask``, labelled with the same connectivity.

    As ``skimage.morphology.local_minima(image, connectivity=...)``: plateaus may touch the
    border, but a plateau at the image's maximum value is never a minimum (the reference pads
    the image with that value), so a constant image has no minima.
    """
    ndim = image.ndim
    structure = generate_binary_structure(ndim, connectivity)
    if image.size == 0:
        return np.zeros(image.shape, np.int32)
    # plateaus: connected regions of equal value (union-find labeling of value ranks)
    values, ranks = np.unique(image, return_inverse=True)
    ranks = np.ascontiguousarray(ranks.reshape(image.shape), dtype=np.intp) + 1
    plateaus = np.empty(image.shape, dtype=np.intp)
    n = label_values(ranks, structure, 0, plateaus)
    # a plateau is not a minimum if any of its pixels has a strictly lower neighbour
    has_lower = np.zeros(image.shape, dtype=bool)
    center = (1,) * ndim
    for offset in zip(*np.nonzero(structure)):
        shift = [o - c for o, c in zip(offset, center)]
        if not any(shift):
            continue
        here = tuple(slice(max(-s, 0), n_ - max(s, 0)) for s, n_ in zip(shift, image.shape))
        there = tuple(slice(max(s, 0), n_ - max(-s, 0)) for s, n_ in zip(shift, image.shape))
        has_lower[here] |= ranks[there] < ranks[here]
    not_minimum = np.zeros(n + 1, dtype=bool)
    not_minimum[plateaus[has_lower]] = True
    not_minimum[plateaus[ranks == values.shape[0]]] = True  # the maximum level
    minima = ~not_minimum[plateaus] & mask
    markers, _ = _ndi_label(minima, structure=structure)
    return markers


def _regular_seeds(shape, n_points):
    """About ``n_points`` regularly spaced markers numbered 1, 2, ... (skimage.util.regular_seeds)."""
    shape_arr = np.asarray(shape)
    ndim = len(shape)
    space_size = float(np.prod(shape_arr))
    seeds = np.zeros(shape, dtype=int)
    if space_size <= n_points:
        slices = (slice(None),) * ndim
    else:
        unsort = np.argsort(np.argsort(shape_arr))
        sorted_dims = np.sort(shape_arr)
        steps = np.full(ndim, (space_size / n_points) ** (1.0 / ndim), dtype=np.float64)
        if (sorted_dims < steps).any():
            for dim in range(ndim):
                steps[dim] = sorted_dims[dim]
                space_size = float(np.prod(sorted_dims[dim + 1:]))
                steps[dim + 1:] = (space_size / n_points) ** (1.0 / (ndim - dim - 1))
                if (sorted_dims >= steps).all():
                    break
        starts = (steps // 2).astype(int)
        steps = np.round(steps).astype(int)
        slices = [slice(start, None, step) for start, step in zip(starts, steps)]
        slices = tuple(slices[i] for i in unsort)
    seeds[slices] = 1 + np.reshape(np.arange(seeds[slices].size), seeds[slices].shape)
    return seeds


def _footprint_and_center(ndim, connectivity, offset):
    if connectivity is None:
        connectivity = 1
    if np.isscalar(connectivity):
        footprint = generate_binary_structure(ndim, connectivity)
    else:
        footprint = np.array(connectivity, bool)
        if footprint.ndim != ndim:
            raise ValueError(
                f"Connectivity dimension must be same as image: `connectivity` is "
                f"{footprint.ndim}-D, `image` is {ndim}-D"
            )
    if offset is None:
        if any(s % 2 == 0 for s in footprint.shape):
            raise ValueError(
                f"Connectivity array must have an unambiguous center: `connectivity` has "
                f"shape {footprint.shape}"
            )
        offset = np.array(footprint.shape) // 2
    offset = np.asarray(offset)
    if offset.shape != (ndim,):  # (the reference: ValueError from its neighbour offsets)
        raise ValueError(
            f"`offset` must give the footprint's centre with one coordinate per dimension of "
            f"the {ndim}-D image, got {offset.tolist()}"
        )
    if offset.dtype.kind not in "iu":  # (the reference: np.pad's TypeError)
        raise TypeError(f"`offset` must hold integers, got {offset.tolist()}")
    # The image is padded by `offset` pixels on every side, so the footprint may reach at
    # most that far past its centre: a smaller offset would read outside the padded image
    # (the reference then reads memory it does not own, or raises for a negative offset).
    reach = np.array(footprint.shape) - 1 - offset
    if np.any(offset < 0) or np.any(reach > offset):
        raise ValueError(
            f"`offset` {offset.tolist()} does not fit the footprint of shape {footprint.shape}: "
            f"each coordinate must be at least (size - 1) / 2, the footprint's reach past it"
        )
    return footprint, offset


# --- the public function -------------------------------------------------------------------

def _check_flooded_image(image, error):
    """A 0-d image has no neighbours to flood.  The reference fails inside NumPy on it (a
    ValueError looking for minima, a TypeError from ``np.pad`` with markers); the same
    classes here, with a message naming ``image``."""
    if image.ndim == 0:
        raise error(f"`image` must have at least one dimension, got an {describe(image)}")


def watershed(image, markers=None, connectivity=1, offset=None, mask=None, compactness=0,
              watershed_line=False):
    """Find watershed basins in an image flooded from given markers.

    Priority flooding (see the module docstring): pixels are labelled in the order of
    ``(value, age)`` from a binary heap, ``O(N log N)`` for ``N`` pixels.

    Parameters
    ----------
    image : (M, N[, ...]) ndarray
        Data array where the lowest value points are labeled first.
    markers : int, or (M, N[, ...]) ndarray of int, optional
        The desired number of basins, or an array marking the basins with the values to be
        assigned in the label matrix. Zero means not a marker. If None, the markers are the
        local minima of `image` (labelled with the same `connectivity`).
    connectivity : int or ndarray, optional
        The neighborhood connectivity: an int as in ``scipy.ndimage.generate_binary_structure``,
        or an array used directly as the footprint. Default 1.
    offset : array_like of shape image.ndim, optional
        The coordinates of the center of the footprint.
    mask : (M, N[, ...]) ndarray of bools or 0's and 1's, optional
        Only points at which mask == True will be labeled (markers outside it are dropped).
    compactness : float, optional
        Use compact watershed with given compactness parameter.
    watershed_line : bool, optional
        If True, a one-pixel wide line (label 0) separates the regions.

    Returns
    -------
    out : ndarray
        A labeled matrix of the same type and shape as `markers` (int32 for ``markers=None``,
        int64 for an int or a list).

    See Also
    --------
    skimage.segmentation.watershed : the reference.
    scratch.feature.peak_local_max : markers from the maxima of a distance transform.

    References
    ----------
    .. [1] P. Neubert and P. Protzel, "Compact Watershed and Preemptive SLIC: On Improving
           Trade-offs of Superpixel Segmentation Algorithms", ICPR 2014, 996-1001.
    .. [2] P. J. Soille and M. M. Ansoult, "Automated basin delineation from digital elevation
           models using mathematical morphology", Signal Processing 20(2):171-182, 1990.

    Examples
    --------
    >>> import numpy as np
    >>> from scratch.segmentation import watershed
    >>> image = np.array([[0, 1, 2, 1, 0]], dtype=float)
    >>> markers = np.array([[1, 0, 0, 0, 2]])
    >>> watershed(image, markers)
    array([[1, 1, 1, 2, 2]])
    >>> watershed(image, markers, watershed_line=True)
    array([[1, 1, 0, 2, 2]])
    """
    image = native_byte_order(np.asanyarray(image))
    # -- mask and markers, exactly as the reference validates them
    n_pixels = image.size
    if mask is None:
        mask = np.ones(image.shape, bool)
    else:
        mask = np.asanyarray(mask, dtype=bool)
        n_pixels = np.sum(mask)
        if mask.shape != image.shape:
            raise ValueError(f"`mask` (shape {mask.shape}) must have same shape as `image` (shape {image.shape})")
    if markers is None:
        # the reference finds the minima in the image's own dtype: float16, complex and object
        # images are its TypeError there (and a 0-d image its ValueError, from inside NumPy)
        _check_flooded_image(image, ValueError)
        if image.dtype.kind not in "biuf" or image.dtype == np.float16:
            raise TypeError(
                f"`image` of dtype {image.dtype} is not supported without `markers` (the local "
                f"minima need a real, non-float16 dtype): convert it, e.g. image.astype(np.float32)"
            )
        markers = _local_minima_markers(image, mask, connectivity)
    elif not isinstance(markers, (np.ndarray, list, tuple)):
        _check_flooded_image(image, TypeError)
        if image.size == 0:  # (the reference: ZeroDivisionError in markers / (n_pixels / size))
            raise ValueError(f"cannot place {markers!r} regular `markers` in an empty image "
                             f"(shape {image.shape})")
        markers = _regular_seeds(image.shape, int(markers / (n_pixels / image.size)))
        markers *= mask
    else:
        # the reference multiplies by the mask; the kernels below only read markers inside it
        markers = native_byte_order(np.asanyarray(markers))
        if markers.shape != image.shape:
            raise ValueError(
                f"`markers` (shape {markers.shape}) must have same shape as `image` (shape {image.shape})"
            )
    if markers.dtype.kind not in "biu":
        raise TypeError(f"`markers` must be an integer (or bool) array, got {markers.dtype}")
    _check_flooded_image(image, TypeError)
    if image.dtype.kind not in "biuf" or image.dtype == np.float16:
        # the reference floods float64 values: float16 exactly, complex its real part (with
        # NumPy's ComplexWarning), objects as float() makes them (or NumPy's error)
        image = image.astype(np.float64)
    footprint, center = _footprint_and_center(image.ndim, connectivity, offset)

    # -- flat, padded working arrays: the padding is outside the mask
    center = tuple(int(c) for c in center)
    padded_shape = tuple(n + 2 * c for n, c in zip(image.shape, center))
    padded_size = int(np.prod(padded_shape))
    offsets = _neighbour_offsets(padded_shape, footprint, center)
    out_dtype = markers.dtype
    # int32 / int64 labels are flooded in place; other dtypes through an int64 copy
    work_dtype = out_dtype if out_dtype in (np.int32, np.int64) else np.int64
    as_rows = (int(np.prod(image.shape[:-1])), image.shape[-1]) if image.ndim else (1, 1)
    image_rows = np.ascontiguousarray(image).reshape(as_rows)
    mask_rows = np.ascontiguousarray(mask).reshape(as_rows)
    markers_rows = np.ascontiguousarray(markers).reshape(as_rows)

    ranking = None
    if compactness == 0 and hasattr(_flood, "py_func"):
        # (a plain-Python _flood — NUMBA_DISABLE_JIT, an exercise's variant — runs as written)
        ranking = _rank_levels(image_rows, mask_rows, padded_size)
    if ranking is not None:
        # the plain watershed floods value ranks (module docstring, "Speed")
        levels, low, n_levels = ranking
        row_start = _row_starts(image.shape, center, padded_shape)
        # the flood's most-read array holds the codes -2 - 2 * n_markers .. n_levels - 1: int16
        # when they fit (half the memory of int32, so more of it stays in the cache)
        n_marked = int(np.count_nonzero(markers_rows))  # at least the markers inside the mask
        state_dtype = np.int64
        for dtype in (np.int16, np.int32):
            if n_levels <= np.iinfo(dtype).max and 2 * n_marked + 2 <= -np.iinfo(dtype).min:
                state_dtype = dtype
                break
        state = np.empty(padded_size, state_dtype)
        row_markers = np.empty((row_start.size, 3), np.intp)
        _prepare_ranks.sized(image.size)(image_rows, mask_rows, markers_rows, levels, low, row_start,
                                         state, row_markers)
        first = np.zeros(row_start.size + 1, np.intp)
        np.cumsum(row_markers[:, 0], out=first[1:])
        locations = np.empty(first[-1], np.intp)
        labels = np.empty(first[-1], work_dtype)
        _collect_markers.sized(image.size)(mask_rows, markers_rows, row_start, row_markers, first, locations,
                                           labels)
        index_bits = padded_size.bit_length()
        if watershed_line and index_bits + int(locations.size).bit_length() > 62:
            ranking = None  # (pixel, marker) would not fit in one payload
    if ranking is None:  # compact, NaN, or nothing to flood: the (value, age) heap
        inner = tuple(slice(c, c + n) for c, n in zip(center, image.shape))
        work = np.zeros(padded_shape, np.float64)
        work[inner] = image
        flat_mask = np.zeros(padded_shape, np.uint8)
        flat_mask[inner] = mask
        output = np.zeros(padded_size, work_dtype)
        output.reshape(padded_shape)[inner] = markers * mask
        strides = np.array(work.strides, dtype=np.intp) // work.itemsize
        _flood(work.reshape(-1), _nonzero(output), offsets, flat_mask.reshape(-1), strides,
               float(compactness), output, bool(watershed_line))
        return output.reshape(padded_shape)[inner].astype(out_dtype)

    result = np.empty(image.shape, work_dtype)
    if watershed_line:
        # a pixel can be queued several times: the ages get every bit the ranks leave
        age_bits = 63 - int(n_levels).bit_length()
        # equal labels get equal codes: marker i is coded by the first marker with its label
        _, first_with_label, label_of = np.unique(labels, return_index=True, return_inverse=True)
        _flood_lines_by_rank(state, n_levels, int(np.count_nonzero(mask)), locations,
                             first_with_label[label_of].astype(np.intp), offsets, age_bits, index_bits)
        # codes -2 - m (labelled) and -2 - n_markers - m (a marker pixel on the line) name labels[m]
        _unpad_labels.sized(image.size)(state, np.concatenate([labels, labels]), row_start,
                                        result.reshape(as_rows))
        return result.astype(out_dtype, copy=False)
    n_masked = int(np.count_nonzero(mask))
    pool = np.empty((n_masked, 2), np.int32 if n_masked < 2 ** 31 else np.int64)
    _flood_by_rank(state, n_levels, pool, locations, offsets, (padded_size + 1).bit_length())
    _unpad_labels.sized(image.size)(state, labels, row_start, result.reshape(as_rows))
    return result.astype(out_dtype, copy=False)
