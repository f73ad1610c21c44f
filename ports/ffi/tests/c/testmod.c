/* The C module the pyrite-ffi tests use: every function shape, keywords, a native type with
 * traced slots, constants, raising, calling back into Python, and deliberate misuse. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "pyrite.h"

/* ---- functions of every arity ------------------------------------------------------- */

static pyr_obj answer(void) { return PYR_SMALL_INT(42); }
static const pyr_fun answer_fun = PYR_FUN0(answer);

static pyr_obj neg(pyr_obj x) {
    int64_t v;
    if (pyr_int_value(x, &v) != 0) return PYR_NULL;
    return pyr_int(-v);
}
static const pyr_fun neg_fun = PYR_FUN1(neg);

/* add(a, b): ints, floats, or anything with + through Python when not both ints. */
static pyr_obj add(pyr_obj a, pyr_obj b) {
    int64_t x, y;
    if (pyr_int_value(a, &x) == 0 && pyr_int_value(b, &y) == 0) return pyr_int(x + y);
    pyr_err_clear();
    double f, g;
    if (pyr_float_value(a, &f) != 0 || pyr_float_value(b, &g) != 0) return PYR_NULL;
    return pyr_float(f + g);
}
static const pyr_fun add_fun = PYR_FUN2(add);

static pyr_obj clamp(pyr_obj x, pyr_obj lo, pyr_obj hi) {
    int64_t v, l, h;
    if (pyr_int_value(x, &v) || pyr_int_value(lo, &l) || pyr_int_value(hi, &h)) return PYR_NULL;
    if (l > h) return pyr_raise(PYR_EXC_VALUE_ERROR, "lo > hi");
    return pyr_int(v < l ? l : v > h ? h : v);
}
static const pyr_fun clamp_fun = PYR_FUN3(clamp);

/* total(*args): any number of ints. */
static pyr_obj total(size_t n, const pyr_obj *args) {
    int64_t sum = 0;
    for (size_t i = 0; i < n; i++) {
        int64_t v;
        if (pyr_int_value(args[i], &v) != 0) return PYR_NULL;
        sum += v;
    }
    return pyr_int(sum);
}
static const pyr_fun total_fun = PYR_FUN_VAR(0, PYR_ARGS_MAX, total);

/* scale(x, factor=2): 1 or 2 arguments. */
static pyr_obj scale(size_t n, const pyr_obj *args) {
    double x, f = 2.0;
    if (pyr_float_value(args[0], &x) != 0) return PYR_NULL;
    if (n > 1 && pyr_float_value(args[1], &f) != 0) return PYR_NULL;
    return pyr_float(x * f);
}
static const pyr_fun scale_fun = PYR_FUN_VAR(1, 2, scale);

/* greet(name, greeting="hello", punct="!"): keywords. */
static pyr_obj greet(size_t n, const pyr_obj *args, pyr_obj kwargs) {
    static const char *const names[] = {"name", "greeting", "punct"};
    pyr_obj a[3];
    if (pyr_parse_args(n, args, kwargs, 3, names, 1, a) != 0) return PYR_NULL;
    const char *name = pyr_cstr(a[0]);
    const char *greeting = a[1] ? pyr_cstr(a[1]) : "hello";
    const char *punct = a[2] ? pyr_cstr(a[2]) : "!";
    if (!name || !greeting || !punct) return PYR_NULL;
    char buf[128];
    int len = snprintf(buf, sizeof buf, "%s, %s%s", greeting, name, punct);
    if (len < 0 || (size_t)len >= sizeof buf) return pyr_raise(PYR_EXC_VALUE_ERROR, "too long");
    return pyr_str(buf, (size_t)len);
}
static const pyr_fun greet_fun = PYR_FUN_KW(0, 3, greet);

/* kwcount(*args, **kw): (number of positional arguments, sorted keyword names). */
static pyr_obj kwcount(size_t n, const pyr_obj *args, pyr_obj kwargs) {
    (void)args;
    pyr_obj keys = kwargs ? pyr_call_method(kwargs, "keys", 0, NULL) : pyr_list(0, NULL);
    if (!keys) return PYR_NULL;
    pyr_obj sorted = pyr_getattr(pyr_import("builtins"), "sorted");
    if (!sorted) return PYR_NULL;
    pyr_obj items[2] = {PYR_SMALL_INT(n), pyr_call(sorted, 1, &keys)};
    if (!items[1]) return PYR_NULL;
    return pyr_tuple(2, items);
}
static const pyr_fun kwcount_fun = PYR_FUN_KW(0, PYR_ARGS_MAX, kwcount);

/* ---- values both ways ------------------------------------------------------------------ */

/* kinds(): one value of every kind the ABI makes. */
static pyr_obj kinds(void) {
    pyr_obj l[2] = {PYR_SMALL_INT(1), pyr_str_cstr("two")};
    pyr_obj d = pyr_dict();
    if (!d || pyr_setitem(d, pyr_str_cstr("k"), pyr_int(-7)) != 0) return PYR_NULL;
    pyr_obj items[] = {
        pyr_int(INT64_MIN),
        pyr_int_u64(UINT64_MAX),
        pyr_float(2.5),
        pyr_bool(1),
        pyr_bool(0),
        PYR_NONE,
        pyr_str("h\xc3\xa9llo", 6),
        pyr_bytes("\x00\xff", 2),
        pyr_list(2, l),
        pyr_tuple(0, NULL),
        d,
    };
    for (size_t i = 0; i < PYR_LEN(items); i++)
        if (!items[i]) return PYR_NULL;
    return pyr_tuple(PYR_LEN(items), items);
}
static const pyr_fun kinds_fun = PYR_FUN0(kinds);

/* describe(x): reads x back and says what it found, as a str. */
static pyr_obj describe(pyr_obj x) {
    char buf[200];
    int64_t i;
    uint64_t u;
    double f;
    size_t len;
    if (pyr_is_none(x) == 1) return pyr_str_cstr("none");
    if (pyr_isinstance(x, PYR_TYPE_BOOL) == 1) return pyr_str_cstr(pyr_truth(x) ? "true" : "false");
    if (pyr_isinstance(x, PYR_TYPE_INT) == 1) {
        if (pyr_int_value(x, &i) == 0) {
            snprintf(buf, sizeof buf, "int %lld%s", (long long)i, PYR_IS_SMALL_INT(x) ? " small" : "");
            return pyr_str_cstr(buf);
        }
        pyr_err_clear();
        if (pyr_int_value_u64(x, &u) == 0) {
            snprintf(buf, sizeof buf, "uint %llu", (unsigned long long)u);
            return pyr_str_cstr(buf);
        }
        return PYR_NULL; /* OverflowError */
    }
    if (pyr_isinstance(x, PYR_TYPE_FLOAT) == 1) {
        if (pyr_float_value(x, &f) != 0) return PYR_NULL;
        snprintf(buf, sizeof buf, "float %g", f);
        return pyr_str_cstr(buf);
    }
    if (pyr_isinstance(x, PYR_TYPE_STR) == 1) {
        const char *s = pyr_str_data(x, &len);
        if (!s) return PYR_NULL;
        snprintf(buf, sizeof buf, "str %zu:%.*s", len, (int)len, s);
        return pyr_str_cstr(buf);
    }
    const uint8_t *b = pyr_bytes_data(x, &len);
    if (b) {
        unsigned sum = 0;
        for (size_t k = 0; k < len; k++) sum += b[k];
        snprintf(buf, sizeof buf, "bytes %zu sum %u", len, sum);
        return pyr_str_cstr(buf);
    }
    pyr_err_clear();
    intptr_t n = pyr_len(x);
    if (n < 0) return PYR_NULL;
    pyr_obj t = pyr_type_of(x);
    pyr_obj name = t ? pyr_getattr(t, "__name__") : PYR_NULL;
    const char *tn = name ? pyr_cstr(name) : NULL;
    if (!tn) return PYR_NULL;
    snprintf(buf, sizeof buf, "%s of %ld", tn, (long)n);
    return pyr_str_cstr(buf);
}
static const pyr_fun describe_fun = PYR_FUN1(describe);

/* items(container, key): container[key], then container[key] = None, then del; returns the
 * first value. */
static pyr_obj swap_item(pyr_obj c, pyr_obj key, pyr_obj value) {
    pyr_obj old = pyr_getitem(c, key);
    if (!old) return PYR_NULL;
    if (pyr_setitem(c, key, value) != 0) return PYR_NULL;
    return old;
}
static const pyr_fun swap_item_fun = PYR_FUN3(swap_item);

static pyr_obj drop_item(pyr_obj c, pyr_obj key) {
    if (pyr_delitem(c, key) != 0) return PYR_NULL;
    return PYR_NONE;
}
static const pyr_fun drop_item_fun = PYR_FUN2(drop_item);

/* attr(o, name[, value]): getattr, or setattr then getattr. */
static pyr_obj attr(size_t n, const pyr_obj *args) {
    const char *name = pyr_cstr(args[1]);
    if (!name) return PYR_NULL;
    if (n == 3 && pyr_setattr(args[0], name, args[2]) != 0) return PYR_NULL;
    return pyr_getattr(args[0], name);
}
static const pyr_fun attr_fun = PYR_FUN_VAR(2, 3, attr);

static pyr_obj same(pyr_obj a, pyr_obj b) {
    int is = pyr_is(a, b), eq = pyr_equal(a, b);
    if (is < 0 || eq < 0) return PYR_NULL;
    pyr_obj items[2] = {pyr_bool(is), pyr_bool(eq)};
    return pyr_tuple(2, items);
}
static const pyr_fun same_fun = PYR_FUN2(same);

static pyr_obj reprs(pyr_obj x) {
    pyr_obj items[2] = {pyr_repr(x), pyr_to_str(x)};
    if (!items[0] || !items[1]) return PYR_NULL;
    return pyr_tuple(2, items);
}
static const pyr_fun reprs_fun = PYR_FUN1(reprs);

/* ---- calling back into Python ------------------------------------------------------------ */

/* apply(f, *args) */
static pyr_obj apply(size_t n, const pyr_obj *args) { return pyr_call(args[0], n - 1, args + 1); }
static const pyr_fun apply_fun = PYR_FUN_VAR(1, PYR_ARGS_MAX, apply);

/* map_list(f, iterable) -> [f(x) for x in iterable], releasing temporaries as it goes. */
static pyr_obj map_list(pyr_obj f, pyr_obj iterable) {
    pyr_obj out = pyr_list(0, NULL);
    pyr_obj it = out ? pyr_iter(iterable) : PYR_NULL;
    if (!it) return PYR_NULL;
    size_t mark = pyr_handles_mark();
    for (;;) {
        pyr_obj x = pyr_next(it);
        if (!x) {
            if (pyr_err_occurred()) return PYR_NULL;
            break;
        }
        pyr_obj y = pyr_call(f, 1, &x);
        if (!y || pyr_list_append(out, y) != 0) return PYR_NULL;
        pyr_handles_release(mark, PYR_NULL);
    }
    return out;
}
static const pyr_fun map_list_fun = PYR_FUN2(map_list);

/* call_kw(f): f(1, 2, scale=10) */
static pyr_obj call_kw(pyr_obj f) {
    pyr_obj kw = pyr_dict();
    if (!kw || pyr_setitem(kw, pyr_str_cstr("scale"), PYR_SMALL_INT(10)) != 0) return PYR_NULL;
    pyr_obj args[2] = {PYR_SMALL_INT(1), PYR_SMALL_INT(2)};
    return pyr_call_kw(f, 2, args, kw);
}
static const pyr_fun call_kw_fun = PYR_FUN1(call_kw);

/* method(o, name, *args) */
static pyr_obj method(size_t n, const pyr_obj *args) {
    const char *name = pyr_cstr(args[1]);
    if (!name) return PYR_NULL;
    return pyr_call_method(args[0], name, n - 2, args + 2);
}
static const pyr_fun method_fun = PYR_FUN_VAR(2, PYR_ARGS_MAX, method);

/* ---- exceptions ---------------------------------------------------------------------------- */

/* fail(msg): ValueError(msg) */
static pyr_obj fail(pyr_obj msg) {
    const char *m = pyr_cstr(msg);
    if (!m) return PYR_NULL;
    return pyr_raise(PYR_EXC_VALUE_ERROR, m);
}
static const pyr_fun fail_fun = PYR_FUN1(fail);

/* fail_with(cls_or_instance[, msg]) */
static pyr_obj fail_with(size_t n, const pyr_obj *args) {
    if (n == 1) return pyr_raise_obj(args[0]);
    const char *m = pyr_cstr(args[1]);
    if (!m) return PYR_NULL;
    return pyr_raise(args[0], m);
}
static const pyr_fun fail_with_fun = PYR_FUN_VAR(1, 2, fail_with);

/* catch(f, cls): call f(); if it raises an instance of cls, return (True, exception, message)
 * with the exception cleared; else let it propagate; (False, result, None) on success. */
static pyr_obj catch_(pyr_obj f, pyr_obj cls) {
    pyr_obj r = pyr_call(f, 0, NULL);
    if (r) {
        pyr_obj items[3] = {PYR_FALSE, r, PYR_NONE};
        return pyr_tuple(3, items);
    }
    int m = pyr_err_matches(cls);
    if (m != 1) return PYR_NULL;
    pyr_obj occurred = pyr_err_occurred();
    pyr_obj e = pyr_err_fetch();
    if (!occurred || !e || pyr_err_occurred() != PYR_NULL) return pyr_raise(PYR_EXC_RUNTIME_ERROR, "fetch");
    pyr_obj items[3] = {PYR_TRUE, e, pyr_to_str(e)};
    if (!items[2]) return PYR_NULL;
    return pyr_tuple(3, items);
}
static const pyr_fun catch_fun = PYR_FUN2(catch_);

/* ---- a native type: Counter --------------------------------------------------------------- */

typedef struct {
    int64_t count;
    int64_t step;
} counter_data;

enum { SLOT_CALLBACK, SLOT_KEPT, N_SLOTS };

static int finalised;
int testmod_finalised(void) { return finalised; }

static void counter_finalise(void *data) {
    (void)data;
    /* Finalisers may not call the API: this must fail quietly. */
    if (pyr_int(1000) == PYR_NULL && pyr_err_occurred() == PYR_NULL) finalised++;
}

static const pyr_type counter_type;

/* Counter(start=0, step=1) */
static pyr_obj counter_init(size_t n, const pyr_obj *args, pyr_obj kwargs) {
    static const char *const names[] = {"self", "start", "step"};
    pyr_obj a[3];
    if (pyr_parse_args(n, args, kwargs, 3, names, 1, a) != 0) return PYR_NULL;
    counter_data *c = pyr_data(a[0], &counter_type);
    if (!c) return PYR_NULL;
    c->count = 0;
    c->step = 1;
    if (a[1] && pyr_int_value(a[1], &c->count) != 0) return PYR_NULL;
    if (a[2] && pyr_int_value(a[2], &c->step) != 0) return PYR_NULL;
    return PYR_NONE;
}
static const pyr_fun counter_init_fun = PYR_FUN_KW(1, 3, counter_init);

/* incr(self, times=1): count += step * times; calls the callback with the new count. */
static pyr_obj counter_incr(size_t n, const pyr_obj *args) {
    counter_data *c = pyr_data(args[0], &counter_type);
    if (!c) return PYR_NULL;
    int64_t times = 1;
    if (n > 1 && pyr_int_value(args[1], &times) != 0) return PYR_NULL;
    c->count += c->step * times;
    pyr_obj cb = pyr_slot(args[0], &counter_type, SLOT_CALLBACK);
    if (!cb) return PYR_NULL;
    if (pyr_is_none(cb) == 0) {
        pyr_obj v = pyr_int(c->count);
        if (!v || !pyr_call(cb, 1, &v)) return PYR_NULL;
    }
    return pyr_int(c->count);
}
static const pyr_fun counter_incr_fun = PYR_FUN_VAR(1, 2, counter_incr);

static pyr_obj counter_on_change(pyr_obj self, pyr_obj f) {
    if (pyr_set_slot(self, &counter_type, SLOT_CALLBACK, f) != 0) return PYR_NULL;
    return PYR_NONE;
}
static const pyr_fun counter_on_change_fun = PYR_FUN2(counter_on_change);

/* keep(self, obj): obj lives in a traced slot, and nowhere else. */
static pyr_obj counter_keep(pyr_obj self, pyr_obj o) {
    if (pyr_set_slot(self, &counter_type, SLOT_KEPT, o) != 0) return PYR_NULL;
    return PYR_NONE;
}
static const pyr_fun counter_keep_fun = PYR_FUN2(counter_keep);

static pyr_obj counter_kept(pyr_obj self) { return pyr_slot(self, &counter_type, SLOT_KEPT); }
static const pyr_fun counter_kept_fun = PYR_FUN1(counter_kept);

/* slot(self, i): any slot (IndexError past the end). */
static pyr_obj counter_slot(pyr_obj self, pyr_obj i) {
    int64_t k;
    if (pyr_int_value(i, &k) != 0) return PYR_NULL;
    return pyr_slot(self, &counter_type, (size_t)k);
}
static const pyr_fun counter_slot_fun = PYR_FUN2(counter_slot);

/* spawn(self): a new Counter from C, starting where this one is. */
static pyr_obj counter_spawn(pyr_obj self) {
    counter_data *c = pyr_data(self, &counter_type);
    if (!c) return PYR_NULL;
    pyr_obj start = pyr_int(c->count);
    return pyr_new(&counter_type, 1, &start);
}
static const pyr_fun counter_spawn_fun = PYR_FUN1(counter_spawn);

static pyr_obj counter_get_value(pyr_obj self) {
    counter_data *c = pyr_data(self, &counter_type);
    return c ? pyr_int(c->count) : PYR_NULL;
}

static int counter_set_value(pyr_obj self, pyr_obj v) {
    counter_data *c = pyr_data(self, &counter_type);
    if (!c) return -1;
    int64_t x;
    if (pyr_int_value(v, &x) != 0) return -1;
    if (x < 0) {
        pyr_raise(PYR_EXC_VALUE_ERROR, "negative count");
        return -1;
    }
    c->count = x;
    return 0;
}

static pyr_obj counter_get_step(pyr_obj self) {
    counter_data *c = pyr_data(self, &counter_type);
    return c ? pyr_int(c->step) : PYR_NULL;
}

static const pyr_member counter_members[] = {
    PYR_MEMBER_FUN("incr", counter_incr_fun),
    PYR_MEMBER_FUN("on_change", counter_on_change_fun),
    PYR_MEMBER_FUN("keep", counter_keep_fun),
    PYR_MEMBER_FUN("kept", counter_kept_fun),
    PYR_MEMBER_FUN("slot", counter_slot_fun),
    PYR_MEMBER_FUN("spawn", counter_spawn_fun),
    PYR_MEMBER_ATTR("value", counter_get_value, counter_set_value),
    PYR_MEMBER_ATTR("step", counter_get_step, NULL),
    PYR_MEMBER_INT("LIMIT", 100),
};

static const pyr_type counter_type = {
    .name = "Counter",
    .data_size = sizeof(counter_data),
    .n_slots = N_SLOTS,
    .init = &counter_init_fun,
    .finalise = counter_finalise,
    .members = counter_members,
    .n_members = PYR_LEN(counter_members),
};

/* A second type, to pass the wrong kind of instance around. */
static const pyr_type other_type = {"Other", 8, 0, NULL, NULL, NULL, 0};

static pyr_obj peek_other(pyr_obj o) {
    void *p = pyr_data(o, &other_type);
    return p ? PYR_TRUE : PYR_NULL;
}
static const pyr_fun peek_other_fun = PYR_FUN1(peek_other);

static pyr_obj counter_class(void) { return pyr_type_object(&counter_type); }
static const pyr_fun counter_class_fun = PYR_FUN0(counter_class);

/* ---- keeping objects: references --------------------------------------------------------- */

static pyr_ref *stashed;

static pyr_obj stash(pyr_obj o) {
    pyr_ref_free(stashed);
    stashed = pyr_ref_new(o);
    return stashed ? PYR_NONE : PYR_NULL;
}
static const pyr_fun stash_fun = PYR_FUN1(stash);

static pyr_obj unstash(void) {
    if (!stashed) return pyr_raise(PYR_EXC_LOOKUP_ERROR, "nothing stashed");
    pyr_obj o = pyr_ref_get(stashed);
    pyr_ref_free(stashed);
    stashed = NULL;
    return o;
}
static const pyr_fun unstash_fun = PYR_FUN0(unstash);

static pyr_obj collect(void) {
    pyr_gc_collect();
    return PYR_NONE;
}
static const pyr_fun collect_fun = PYR_FUN0(collect);

/* ---- misuse: errors, never crashes -------------------------------------------------------- */

static pyr_obj bad_null(void) { return PYR_NULL; } /* NULL without an exception */
static const pyr_fun bad_null_fun = PYR_FUN0(bad_null);

static pyr_obj bad_ignored(void) {
    int64_t v;
    (void)pyr_int_value(pyr_str_cstr("x"), &v); /* fails, and the error is ignored */
    return PYR_NONE;
}
static const pyr_fun bad_ignored_fun = PYR_FUN0(bad_ignored);

static pyr_obj bad_forged(pyr_obj which) {
    int64_t k;
    if (pyr_int_value(which, &k) != 0) return PYR_NULL;
    pyr_obj forged = k == 0   ? (pyr_obj)(uintptr_t)0x123456700 /* past the root stack */
                     : k == 1 ? (pyr_obj)(uintptr_t)(200 << 1)  /* no such constant */
                              : PYR_NULL;
    if (pyr_len(forged) != -1) return pyr_raise(PYR_EXC_RUNTIME_ERROR, "forged handle accepted");
    return PYR_NULL; /* TypeError from pyr_len */
}
static const pyr_fun bad_forged_fun = PYR_FUN1(bad_forged);

static pyr_obj saved_handle;

static pyr_obj bad_stale(pyr_obj arg) {
    if (saved_handle == PYR_NULL) {
        saved_handle = pyr_list(1, &arg); /* dies when this call returns */
        return PYR_NONE;
    }
    pyr_obj h = saved_handle;
    saved_handle = PYR_NULL;
    return pyr_getitem(h, PYR_SMALL_INT(0)); /* TypeError: stale handle */
}
static const pyr_fun bad_stale_fun = PYR_FUN1(bad_stale);

/* NULL pointers where the header allows them work; where it does not, they raise. */
static pyr_obj null_pointers(pyr_obj which) {
    int64_t k;
    if (pyr_int_value(which, &k) != 0) return PYR_NULL;
    switch (k) {
    case 0: { /* allowed: empty arrays, NULL length outputs, NULL kwargs, free(NULL) */
        pyr_obj t = pyr_tuple(0, NULL), l = pyr_list(0, NULL), s = pyr_str(NULL, 0);
        pyr_obj b = pyr_bytes(NULL, 0);
        if (!t || !l || !s || !b) return PYR_NULL;
        if (!pyr_str_data(s, NULL) || !pyr_bytes_data(b, NULL)) return PYR_NULL;
        pyr_obj f = pyr_getattr(pyr_import("builtins"), "len");
        pyr_obj r = pyr_call_kw(f, 1, &t, PYR_NULL);
        pyr_ref_free(NULL);
        return r;
    }
    case 1: return pyr_str(NULL, 3);
    case 2: return pyr_getattr(PYR_NONE, NULL);
    case 3: return pyr_tuple(2, NULL);
    case 4: return pyr_int_value(PYR_SMALL_INT(1), NULL) == 0 ? PYR_NONE : PYR_NULL;
    case 5: return pyr_data(PYR_NONE, NULL) ? PYR_NONE : PYR_NULL;
    case 6: return pyr_call(PYR_NULL, 0, NULL);
    case 7: return pyr_ref_get(NULL);
    case 8: return pyr_module_register(NULL);
    default: return pyr_str_cstr(NULL);
    }
}
static const pyr_fun null_pointers_fun = PYR_FUN1(null_pointers);

static pyr_obj bad_utf8(void) { return pyr_str("\xff\xfe", 2); }
static const pyr_fun bad_utf8_fun = PYR_FUN0(bad_utf8);

/* ---- the module ----------------------------------------------------------------------------- */

static int testmod_init(pyr_obj module) {
    return pyr_setattr(module, "initialised", PYR_TRUE);
}

static const pyr_member testmod_members[] = {
    PYR_MEMBER_FUN("answer", answer_fun),
    PYR_MEMBER_FUN("neg", neg_fun),
    PYR_MEMBER_FUN("add", add_fun),
    PYR_MEMBER_FUN("clamp", clamp_fun),
    PYR_MEMBER_FUN("total", total_fun),
    PYR_MEMBER_FUN("scale", scale_fun),
    PYR_MEMBER_FUN("greet", greet_fun),
    PYR_MEMBER_FUN("kwcount", kwcount_fun),
    PYR_MEMBER_FUN("kinds", kinds_fun),
    PYR_MEMBER_FUN("describe", describe_fun),
    PYR_MEMBER_FUN("swap_item", swap_item_fun),
    PYR_MEMBER_FUN("drop_item", drop_item_fun),
    PYR_MEMBER_FUN("attr", attr_fun),
    PYR_MEMBER_FUN("same", same_fun),
    PYR_MEMBER_FUN("reprs", reprs_fun),
    PYR_MEMBER_FUN("apply", apply_fun),
    PYR_MEMBER_FUN("map_list", map_list_fun),
    PYR_MEMBER_FUN("call_kw", call_kw_fun),
    PYR_MEMBER_FUN("method", method_fun),
    PYR_MEMBER_FUN("fail", fail_fun),
    PYR_MEMBER_FUN("fail_with", fail_with_fun),
    PYR_MEMBER_FUN("catch", catch_fun),
    PYR_MEMBER_TYPE("Counter", counter_type),
    PYR_MEMBER_TYPE("Other", other_type),
    PYR_MEMBER_FUN("peek_other", peek_other_fun),
    PYR_MEMBER_FUN("counter_class", counter_class_fun),
    PYR_MEMBER_FUN("stash", stash_fun),
    PYR_MEMBER_FUN("unstash", unstash_fun),
    PYR_MEMBER_FUN("collect", collect_fun),
    PYR_MEMBER_FUN("bad_null", bad_null_fun),
    PYR_MEMBER_FUN("bad_ignored", bad_ignored_fun),
    PYR_MEMBER_FUN("bad_forged", bad_forged_fun),
    PYR_MEMBER_FUN("bad_stale", bad_stale_fun),
    PYR_MEMBER_FUN("null_pointers", null_pointers_fun),
    PYR_MEMBER_FUN("bad_utf8", bad_utf8_fun),
    PYR_MEMBER_INT("VERSION", 7),
    PYR_MEMBER_FLOAT("PI", 3.25),
    PYR_MEMBER_STR("NAME", "testmod"),
    PYR_MEMBER_NONE("NOTHING"),
    PYR_MEMBER_BOOL("YES", 1),
};

PYR_MODULE_DEF(testmod) = {
    PYR_ABI_VERSION, 0, "testmod", testmod_members, PYR_LEN(testmod_members), testmod_init, NULL,
};

/* ---- definitions that must be refused ------------------------------------------------------ */

static const pyr_member one_member[] = {PYR_MEMBER_INT("X", 1)};

/* Built for another version of the ABI. */
PYR_MODULE_DEF(future) = {PYR_ABI_VERSION + 1, 0, "future", one_member, 1, NULL, NULL};

/* Malformed: members NULL with a count, a member without a name, an attribute in a module. */
PYR_MODULE_DEF(no_members) = {PYR_ABI_VERSION, 0, "no_members", NULL, 3, NULL, NULL};
static const pyr_member nameless[] = {{{PYR_ROM_INT, {.i = 0}}, {PYR_ROM_INT, {.i = 1}}}};
PYR_MODULE_DEF(nameless) = {PYR_ABI_VERSION, 0, "nameless", nameless, 1, NULL, NULL};
static const pyr_member module_attr[] = {PYR_MEMBER_ATTR("a", counter_get_value, NULL)};
PYR_MODULE_DEF(module_attr) = {PYR_ABI_VERSION, 0, "module_attr", module_attr, 1, NULL, NULL};
PYR_MODULE_DEF(noname) = {PYR_ABI_VERSION, 0, NULL, one_member, 1, NULL, NULL};

/* An init that fails: the module must not stay in sys.modules. */
static int failing_init(pyr_obj module) {
    (void)module;
    pyr_raise(PYR_EXC_OS_ERROR, "no device");
    return -1;
}
PYR_MODULE_DEF(failing) = {PYR_ABI_VERSION, 0, "failing", one_member, 1, failing_init, NULL};

/* ---- a C host: registration from C ---------------------------------------------------------- */

static int run_in_interp(void *user) {
    int64_t *out = user;
    pyr_obj m = pyr_import("testmod");
    pyr_obj f = m ? pyr_getattr(m, "total") : PYR_NULL;
    pyr_obj args[3] = {PYR_SMALL_INT(1), PYR_SMALL_INT(2), pyr_int(39)};
    pyr_obj r = f ? pyr_call(f, 3, args) : PYR_NULL;
    if (!r || pyr_int_value(r, out) != 0) return -1;
    return 0;
}

static int raise_in_interp(void *user) {
    (void)user;
    pyr_raise(PYR_EXC_KEY_ERROR, "from C");
    return -1;
}

static int reenter_interp(void *user) {
    /* The interpreter is running this function: it cannot be re-entered or freed. */
    if (pyr_interp_exec((pyr_interp *)user, "x = 1") != -1) return -1;
    pyr_interp_free((pyr_interp *)user); /* refused: does nothing */
    return 0;
}

/* Returns 0 when everything worked, else the line that failed. */
int testmod_c_host(void) {
    if (pyr_abi_version() != PYR_ABI_VERSION) return __LINE__;
    /* Outside any interpreter, the object functions fail without crashing. */
    if (pyr_int(5) != PYR_NULL || pyr_err_occurred() != PYR_NULL) return __LINE__;
    if (pyr_interp_new(16) != NULL) return __LINE__; /* too small */
    pyr_interp *py = pyr_interp_new(256 * 1024);
    if (!py) return __LINE__;
    if (pyr_interp_add_module(py, &pyrite_module_testmod) != 0) return __LINE__;
    if (pyr_interp_exec(py, "import testmod\nassert testmod.add(2, 3) == 5\n") != 0) return __LINE__;
    if (strcmp(pyr_interp_error(py), "") != 0) return __LINE__;
    if (pyr_interp_add_module(py, &pyrite_module_future) != -1) return __LINE__;
    if (strstr(pyr_interp_error(py), "ImportError") == NULL) return __LINE__;
    if (strstr(pyr_interp_error(py), "version 2") == NULL) return __LINE__;
    if (pyr_interp_add_module(py, NULL) != -1) return __LINE__;
    if (pyr_interp_exec(py, "raise ValueError('boom')") != -1) return __LINE__;
    if (strcmp(pyr_interp_error(py), "ValueError: boom") != 0) return __LINE__;
    if (pyr_interp_exec(py, NULL) != -1) return __LINE__;
    int64_t out = 0;
    if (pyr_interp_run(py, run_in_interp, &out) != 0 || out != 42) return __LINE__;
    if (pyr_interp_run(py, raise_in_interp, NULL) != -1) return __LINE__;
    if (strcmp(pyr_interp_error(py), "KeyError: from C") != 0) return __LINE__;
    if (pyr_interp_exec(py, "import cexample") != -1) return __LINE__; /* not registered here */
    if (pyr_interp_run(py, reenter_interp, py) != 0) return __LINE__;
    if (pyr_interp_exec(py, "assert testmod.total(2) == 2") != 0) return __LINE__;
    pyr_interp_free(py);
    pyr_interp_free(NULL);
    if (pyr_interp_add_module(NULL, &pyrite_module_testmod) != -1) return __LINE__;
    return 0;
}
