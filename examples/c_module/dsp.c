/*
 * dsp.c: a small native module in C for pyrite, the kind of code firmware teams already
 * have (a filter and a helper), wrapped for Python through include/pyrite.h.
 *
 * From Python:
 *
 *     import dsp
 *     f = dsp.MovingAverage(4)          # a native type holding C data
 *     f.on_full(lambda avg: print(avg))  # a Python callback, kept in a traced slot
 *     for x in (1, 2, 3, 4): f.push(x)   # prints 2.5 when the window is full
 *     dsp.mix(0.0, 10.0, t=0.25)         # a function taking keyword arguments -> 2.5
 *     dsp.WINDOW_MAX                     # a constant -> 16
 *
 * host.rs beside this file links it into an interpreter (`py.c_module(...)`).
 */
#include "pyrite.h"

#define WINDOW_MAX 16

/* ---- a plain function ---------------------------------------------------------------------
 * mix(a, b, t=0.5): linear interpolation. A PYR_FUN_KW function gets its positional
 * arguments as an array and its keyword arguments as a dict (or NULL); pyr_parse_args binds
 * both to named parameters. Every pyr_ call can fail: on failure it returns its error value
 * (PYR_NULL or -1) with a Python exception set, and we pass the failure on by returning
 * PYR_NULL ourselves. Nothing longjmps. */
static pyr_obj mix(size_t n_args, const pyr_obj *args, pyr_obj kwargs) {
    static const char *const names[] = {"a", "b", "t"};
    pyr_obj p[3];
    if (pyr_parse_args(n_args, args, kwargs, 3, names, 2, p) != 0) {
        return PYR_NULL;
    }
    double a, b, t = 0.5;
    if (pyr_float_value(p[0], &a) != 0 || pyr_float_value(p[1], &b) != 0) {
        return PYR_NULL;
    }
    if (p[2] != PYR_NULL && pyr_float_value(p[2], &t) != 0) {
        return PYR_NULL;
    }
    if (t < 0.0 || t > 1.0) {
        /* Raising: set the exception and return PYR_NULL in one go. */
        return pyr_raise(PYR_EXC_VALUE_ERROR, "t must be between 0 and 1");
    }
    return pyr_float(a + (b - a) * t);
}
static const pyr_fun mix_fun = PYR_FUN_KW(2, 3, mix);

/* ---- a native type ---------------------------------------------------------------------------
 * MovingAverage(window): each instance holds this C struct (zeroed when it is made; get it
 * with pyr_data) and one Python value, the callback, in a slot the collector traces. Python
 * objects must never be kept in C data or C globals: the collector cannot see them there. */
typedef struct {
    double samples[WINDOW_MAX];
    int window; /* how many samples to average */
    int count;  /* how many pushed so far */
} moving_average;

enum { SLOT_ON_FULL, N_SLOTS };

static const pyr_type moving_average_type; /* defined below, used by the methods */

/* __init__(self, window): methods and init get the instance first. */
static pyr_obj ma_init(pyr_obj self, pyr_obj window) {
    moving_average *m = pyr_data(self, &moving_average_type);
    int64_t w;
    if (m == NULL || pyr_int_value(window, &w) != 0) {
        return PYR_NULL;
    }
    if (w < 1 || w > WINDOW_MAX) {
        return pyr_raise(PYR_EXC_VALUE_ERROR, "window must be 1..16");
    }
    m->window = (int)w;
    m->count = 0;
    return PYR_NONE;
}
static const pyr_fun ma_init_fun = PYR_FUN2(ma_init);

static double average(const moving_average *m) {
    int n = m->count < m->window ? m->count : m->window;
    double sum = 0.0;
    for (int i = 0; i < n; i++) {
        sum += m->samples[i];
    }
    return n > 0 ? sum / n : 0.0;
}

/* push(self, x): add a sample; when the window fills up, call the callback with the average
 * (calling back into Python from C is an ordinary pyr_call). Returns the current average. */
static pyr_obj ma_push(pyr_obj self, pyr_obj x) {
    moving_average *m = pyr_data(self, &moving_average_type);
    double v;
    if (m == NULL || pyr_float_value(x, &v) != 0) {
        return PYR_NULL;
    }
    m->samples[m->count % m->window] = v;
    m->count++;
    pyr_obj avg = pyr_float(average(m));
    if (avg == PYR_NULL) {
        return PYR_NULL;
    }
    if (m->count == m->window) {
        pyr_obj cb = pyr_slot(self, &moving_average_type, SLOT_ON_FULL);
        if (cb == PYR_NULL) {
            return PYR_NULL;
        }
        if (pyr_is_none(cb) == 0 && pyr_call(cb, 1, &avg) == PYR_NULL) {
            return PYR_NULL; /* the callback raised: pass it on */
        }
    }
    /* Handles (avg, cb, ...) stay valid until this function returns; then they are released
     * and the objects are kept alive only by what refers to them in Python. */
    return avg;
}
static const pyr_fun ma_push_fun = PYR_FUN2(ma_push);

/* on_full(self, f): keep the callback in the traced slot. */
static pyr_obj ma_on_full(pyr_obj self, pyr_obj f) {
    if (pyr_set_slot(self, &moving_average_type, SLOT_ON_FULL, f) != 0) {
        return PYR_NULL;
    }
    return PYR_NONE;
}
static const pyr_fun ma_on_full_fun = PYR_FUN2(ma_on_full);

/* An attribute: `f.average` (read-only: no setter). */
static pyr_obj ma_get_average(pyr_obj self) {
    moving_average *m = pyr_data(self, &moving_average_type);
    return m ? pyr_float(average(m)) : PYR_NULL;
}

static const pyr_member moving_average_members[] = {
    PYR_MEMBER_FUN("push", ma_push_fun),
    PYR_MEMBER_FUN("on_full", ma_on_full_fun),
    PYR_MEMBER_ATTR("average", ma_get_average, NULL),
};

static const pyr_type moving_average_type = {
    .name = "MovingAverage",
    .data_size = sizeof(moving_average),
    .n_slots = N_SLOTS,
    .init = &ma_init_fun,
    .finalise = NULL, /* nothing to release: the data lives in the interpreter's heap */
    .members = moving_average_members,
    .n_members = PYR_LEN(moving_average_members),
};

/* ---- the module -------------------------------------------------------------------------------
 * Its name, its members (functions, types, constants), and the ABI version, which the
 * interpreter checks when the module is registered. PYR_MODULE_DEF(dsp) names the definition
 * `pyrite_module_dsp`: Rust refers to it by that name, and the unix port finds it by that
 * name in dsp.so. */
static const pyr_member dsp_members[] = {
    PYR_MEMBER_FUN("mix", mix_fun),
    PYR_MEMBER_TYPE("MovingAverage", moving_average_type),
    PYR_MEMBER_INT("WINDOW_MAX", WINDOW_MAX),
};

PYR_MODULE_DEF(dsp) = {
    .abi_version = PYR_ABI_VERSION,
    .name = "dsp",
    .members = dsp_members,
    .n_members = PYR_LEN(dsp_members),
};
