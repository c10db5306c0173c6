"""Morphology, labeling and EDT at 2048² with 2 threads: scratch vs scikit-image / SciPy vs OpenCV.

Side by side in one process, calls interleaved (scratch, reference, OpenCV, repeat) so that the
three see the same machine load; medians of 11 calls; ratio = scratch / reference.

    python benchmarks/bench_morphology.py [morph] [label] [edt]
"""
import time, warnings, sys
import numpy as np
warnings.simplefilter("ignore")
import scipy.ndimage as ndi, skimage.morphology as skm, skimage.measure as skme, cv2
import scratch._jit as J
import scratch.morphology as sm, scratch.measure as sme, scratch.ndimage as snd
J.set_num_threads(2); cv2.setNumThreads(2)
from scratch import data
which = sys.argv[1:] or ["morph","label","edt"]
def med(f, n=9):
    f(); ts=[]
    for _ in range(n):
        t=time.perf_counter(); f(); ts.append(time.perf_counter()-t)
    return np.median(ts)
N=2048
cam=data.camera()
img=np.tile(cam,(N//cam.shape[0]+1,)*2)[:N,:N].astype(np.uint8)
imgf=img/255.0
rng=np.random.default_rng(0)
blobs=ndi.gaussian_filter(rng.random((N,N)),8)
mask=blobs>np.percentile(blobs,60)
print("mask components", ndi.label(mask)[1])
rows=[]
def report(name, ours, ref, cv=None, n=11):
    ours(); ref(); cv and cv()
    to, tr, tc = [], [], []
    for _ in range(n):  # interleaved: the three see the same machine load
        t=time.perf_counter(); ours(); to.append(time.perf_counter()-t)
        t=time.perf_counter(); ref(); tr.append(time.perf_counter()-t)
        if cv:
            t=time.perf_counter(); cv(); tc.append(time.perf_counter()-t)
    to, tr = np.median(to), np.median(tr)
    tc = np.median(tc) if cv else None
    print(f"{name:40s} scratch {to*1e3:8.1f} ms  ref {tr*1e3:8.1f} ms  ratio {to/tr:5.2f}" + (f"  cv2 {tc*1e3:7.1f} ms  scratch/cv2 {to/tc:6.1f}" if cv else ""), flush=True)
if "morph" in which:
    for fpname, fp in [("disk(5)", skm.disk(5)), ("rect15", skm.footprint_rectangle((15,15)))]:
        k=np.ascontiguousarray(fp.astype(np.uint8))
        for dtname, im in [("uint8", img), ("float64", imgf)]:
            cvim = im if im.dtype==np.uint8 else im.astype(np.float64)
            report(f"erosion {fpname} {dtname}", lambda: sm.erosion(im, fp), lambda: skm.erosion(im, fp),
                   lambda: cv2.erode(cvim, k, borderType=cv2.BORDER_REFLECT))
            report(f"dilation {fpname} {dtname}", lambda: sm.dilation(im, fp), lambda: skm.dilation(im, fp),
                   lambda: cv2.dilate(cvim, k, borderType=cv2.BORDER_REFLECT))
        mk=mask.view(np.uint8)
        report(f"binary_erosion {fpname} bool", lambda: sm.binary_erosion(mask, fp), lambda: skm.binary_erosion(mask, fp),
               lambda: cv2.erode(mk, k))
        report(f"binary_dilation {fpname} bool", lambda: sm.binary_dilation(mask, fp), lambda: skm.binary_dilation(mask, fp),
               lambda: cv2.dilate(mk, k))
if "label" in which:
    mk=mask.astype(np.uint8)
    for conn in (1,2):
        report(f"label conn={conn} bool blobs", lambda: sme.label(mask, connectivity=conn), lambda: skme.label(mask, connectivity=conn),
               lambda: cv2.connectedComponents(mk, connectivity=4 if conn==1 else 8, ltype=cv2.CV_32S))
        mi=mask.astype(np.int32)
        report(f"label conn={conn} int32 blobs", lambda: sme.label(mi, connectivity=conn), lambda: skme.label(mi, connectivity=conn))
if "edt" in which:
    report("distance_transform_edt blobs", lambda: snd.distance_transform_edt(mask), lambda: ndi.distance_transform_edt(mask),
           lambda: cv2.distanceTransform(mask.view(np.uint8), cv2.DIST_L2, cv2.DIST_MASK_PRECISE))
    report("distance_transform_edt +indices", lambda: snd.distance_transform_edt(mask, return_indices=True), lambda: ndi.distance_transform_edt(mask, return_indices=True))
