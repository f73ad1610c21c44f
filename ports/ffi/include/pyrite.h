/*
 * pyrite.h: the C ABI of pyrite, for native modules written in C.
 *
 * A C module is a table of functions, constants and types (a pyr_module_def) that an
 * interpreter registers: from Rust (`py.c_module(&DEF)` with the pyrite-ffi crate), from C
 * (pyr_interp_add_module, pyr_module_register), or, on the unix port, by `import name`
 * finding `name.so` on sys.path. The module's functions get and return object handles
 * (pyr_obj) and use the functions below to work on Python values.
 *
 * ERRORS. Nothing here longjmps or unwinds. A function that fails returns its error value
 * (NULL for pyr_obj results, -1 for int results, NULL for pointers) and leaves a Python
 * exception set in the interpreter. A C function called from Python signals failure the same
 * way: it returns NULL (PYR_NULL) with the exception set, usually by `return pyr_raise(...)`.
 * Returning NULL without an exception raises RuntimeError; returning a value with an
 * exception still set raises RuntimeError too (an error was ignored). Bad use of the ABI (a
 * NULL, stale or forged handle, a NULL pointer where one is not allowed, an object of the
 * wrong type) raises TypeError or ValueError; it never crashes the interpreter.
 *
 * HANDLES. A pyr_obj names a Python value for the C code that received it. Handles given to
 * a C function (its arguments) and made while it runs (results of the functions below) keep
 * their objects alive until that C function returns; then they are released and must not be
 * used again (a stale handle is detected, usually, and raises TypeError). Loops that make
 * many temporaries can release them early with pyr_handles_mark / pyr_handles_release. To
 * keep a value longer, store it in a slot of a native instance (pyr_set_slot), in a module
 * attribute (pyr_setattr), or in a pyr_ref (pyr_ref_new). Small ints and the constants
 * below are immediate handles: they need no release and never go stale.
 *
 * THE CURRENT INTERPRETER. The object functions work on the interpreter that is running the
 * C code: they are called from a C function, method, attribute or init function of a
 * registered module, or from a function run by pyr_interp_run. Called anywhere else (or
 * from a finaliser) they fail with their error value and set no exception.
 *
 * Everything is single-threaded per interpreter: an interpreter runs on one thread at a time,
 * and its handles must be used on that thread.
 *
 * MicroPython's user-C-module names (mp_obj_t, MP_DEFINE_CONST_FUN_OBJ_n,
 * MP_REGISTER_MODULE...) are in pyrite_micropython.h, with what differs.
 */
#ifndef PYRITE_H
#define PYRITE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The ABI version this header describes. A module definition carries the version it was
 * compiled with; registering it into an interpreter of another version fails with
 * ImportError ("... built for pyrite C ABI version N, this interpreter has version M"). */
#define PYR_ABI_VERSION 1u

/* Symbols a shared library must export (the module definition). */
#if defined(__GNUC__) || defined(__clang__)
#define PYR_EXPORT __attribute__((visibility("default")))
#else
#define PYR_EXPORT
#endif

/* ------------------------------------------------------------------------------------------
 * Object handles
 * ---------------------------------------------------------------------------------------- */

/* An opaque handle to a Python value (see HANDLES above). */
typedef struct pyr_object *pyr_obj;

/* "No object": the error result of functions returning pyr_obj. */
#define PYR_NULL ((pyr_obj)0)

/* Small ints are immediate handles: PYR_SMALL_INT(n) makes one without calling anything,
 * for n in [PYR_SMALL_INT_MIN, PYR_SMALL_INT_MAX] (63-bit on 64-bit targets, 31-bit on
 * 32-bit ones). An int argument in that range always arrives as an immediate handle, so
 * PYR_IS_SMALL_INT / PYR_SMALL_INT_VALUE read it directly (pyr_int_value reads any int). */
#define PYR_SMALL_INT(n) ((pyr_obj)((((uintptr_t)(intptr_t)(n)) << 1) | 1u))
#define PYR_IS_SMALL_INT(o) ((((uintptr_t)(o)) & 1u) != 0)
#define PYR_SMALL_INT_VALUE(o) (((intptr_t)(o)) >> 1)
#define PYR_SMALL_INT_MIN (INTPTR_MIN >> 1)
#define PYR_SMALL_INT_MAX (INTPTR_MAX >> 1)

/* Constant handles: None, the booleans, and builtin types and exception classes. */
#define PYR_CONST_(k) ((pyr_obj)(uintptr_t)((k) << 1))
#define PYR_NONE PYR_CONST_(1)
#define PYR_FALSE PYR_CONST_(2)
#define PYR_TRUE PYR_CONST_(3)
#define PYR_ELLIPSIS PYR_CONST_(4)
#define PYR_NOT_IMPLEMENTED PYR_CONST_(5)

#define PYR_TYPE_OBJECT PYR_CONST_(16)
#define PYR_TYPE_TYPE PYR_CONST_(17)
#define PYR_TYPE_INT PYR_CONST_(18)
#define PYR_TYPE_FLOAT PYR_CONST_(19)
#define PYR_TYPE_BOOL PYR_CONST_(20)
#define PYR_TYPE_STR PYR_CONST_(21)
#define PYR_TYPE_BYTES PYR_CONST_(22)
#define PYR_TYPE_BYTEARRAY PYR_CONST_(23)
#define PYR_TYPE_TUPLE PYR_CONST_(24)
#define PYR_TYPE_LIST PYR_CONST_(25)
#define PYR_TYPE_DICT PYR_CONST_(26)
#define PYR_TYPE_SET PYR_CONST_(27)

#define PYR_EXC_BASE_EXCEPTION PYR_CONST_(48)
#define PYR_EXC_EXCEPTION PYR_CONST_(49)
#define PYR_EXC_ARITHMETIC_ERROR PYR_CONST_(50)
#define PYR_EXC_ASSERTION_ERROR PYR_CONST_(51)
#define PYR_EXC_ATTRIBUTE_ERROR PYR_CONST_(52)
#define PYR_EXC_EOF_ERROR PYR_CONST_(53)
#define PYR_EXC_IMPORT_ERROR PYR_CONST_(54)
#define PYR_EXC_INDEX_ERROR PYR_CONST_(55)
#define PYR_EXC_KEYBOARD_INTERRUPT PYR_CONST_(56)
#define PYR_EXC_KEY_ERROR PYR_CONST_(57)
#define PYR_EXC_LOOKUP_ERROR PYR_CONST_(58)
#define PYR_EXC_MEMORY_ERROR PYR_CONST_(59)
#define PYR_EXC_NAME_ERROR PYR_CONST_(60)
#define PYR_EXC_NOT_IMPLEMENTED_ERROR PYR_CONST_(61)
#define PYR_EXC_OS_ERROR PYR_CONST_(62)
#define PYR_EXC_OVERFLOW_ERROR PYR_CONST_(63)
#define PYR_EXC_RUNTIME_ERROR PYR_CONST_(64)
#define PYR_EXC_STOP_ITERATION PYR_CONST_(65)
#define PYR_EXC_SYNTAX_ERROR PYR_CONST_(66)
#define PYR_EXC_SYSTEM_EXIT PYR_CONST_(67)
#define PYR_EXC_TYPE_ERROR PYR_CONST_(68)
#define PYR_EXC_VALUE_ERROR PYR_CONST_(69)
#define PYR_EXC_ZERO_DIVISION_ERROR PYR_CONST_(70)
#define PYR_EXC_UNICODE_ERROR PYR_CONST_(71)

/* ------------------------------------------------------------------------------------------
 * Values
 * ---------------------------------------------------------------------------------------- */

/* int. pyr_int_value accepts int and bool; OverflowError when the value does not fit. */
pyr_obj pyr_int(int64_t v);
pyr_obj pyr_int_u64(uint64_t v);
int pyr_int_value(pyr_obj o, int64_t *out);
int pyr_int_value_u64(pyr_obj o, uint64_t *out);

/* float. pyr_float_value accepts float, int and bool. */
pyr_obj pyr_float(double v);
int pyr_float_value(pyr_obj o, double *out);

/* bool. pyr_bool never fails. pyr_truth is Python's truth test of any object: 1, 0, or -1
 * with an exception set (a __bool__ or __len__ may raise). */
pyr_obj pyr_bool(int v);
int pyr_truth(pyr_obj o);

/* None. 1 when o is None, 0 when not, -1 for a bad handle. */
int pyr_is_none(pyr_obj o);

/* str. pyr_str copies `len` bytes of UTF-8 (ValueError when they are not UTF-8);
 * pyr_str_cstr copies a NUL-terminated string. pyr_str_data gives the bytes of a str (not
 * NUL-terminated) and stores their length in *len (len may be NULL); pyr_cstr gives a
 * NUL-terminated copy. Both pointers stay valid while the handle does. */
pyr_obj pyr_str(const char *utf8, size_t len);
pyr_obj pyr_str_cstr(const char *utf8);
const char *pyr_str_data(pyr_obj o, size_t *len);
const char *pyr_cstr(pyr_obj o);

/* bytes. pyr_bytes_data accepts bytes and bytearray (a bytearray's bytes move when it
 * grows: do not keep the pointer across anything that may run Python). `data` may be NULL
 * when len is 0; `len` may be NULL. */
pyr_obj pyr_bytes(const void *data, size_t len);
const uint8_t *pyr_bytes_data(pyr_obj o, size_t *len);

/* tuple, list, dict. `items` may be NULL when n is 0. */
pyr_obj pyr_tuple(size_t n, const pyr_obj *items);
pyr_obj pyr_list(size_t n, const pyr_obj *items);
int pyr_list_append(pyr_obj list, pyr_obj item);
pyr_obj pyr_dict(void);

/* Containers in general: len(o) (-1 on error), o[key], o[key] = value, del o[key]. */
intptr_t pyr_len(pyr_obj o);
pyr_obj pyr_getitem(pyr_obj o, pyr_obj key);
int pyr_setitem(pyr_obj o, pyr_obj key, pyr_obj value);
int pyr_delitem(pyr_obj o, pyr_obj key);

/* Iteration: pyr_iter is iter(o); pyr_next returns the next item, or NULL at the end with
 * no exception set, or NULL with an exception set on error. */
pyr_obj pyr_iter(pyr_obj o);
pyr_obj pyr_next(pyr_obj it);

/* ------------------------------------------------------------------------------------------
 * Objects
 * ---------------------------------------------------------------------------------------- */

/* Attributes by name (UTF-8, NUL-terminated). */
pyr_obj pyr_getattr(pyr_obj o, const char *name);
int pyr_setattr(pyr_obj o, const char *name, pyr_obj value);

/* type(o); isinstance(o, type) as 1/0/-1; `a is b` (handles of one object may differ) as
 * 1/0/-1; a == b as 1/0/-1; repr(o); str(o). */
pyr_obj pyr_type_of(pyr_obj o);
int pyr_isinstance(pyr_obj o, pyr_obj type);
int pyr_is(pyr_obj a, pyr_obj b);
int pyr_equal(pyr_obj a, pyr_obj b);
pyr_obj pyr_repr(pyr_obj o);
pyr_obj pyr_to_str(pyr_obj o);

/* `import name` (a dotted name gives the last module). */
pyr_obj pyr_import(const char *name);

/* ------------------------------------------------------------------------------------------
 * Calls
 * ---------------------------------------------------------------------------------------- */

/* f(*args); f(*args, **kwargs) with kwargs a dict of str keys or NULL; o.name(*args).
 * `args` may be NULL when n is 0. */
pyr_obj pyr_call(pyr_obj f, size_t n, const pyr_obj *args);
pyr_obj pyr_call_kw(pyr_obj f, size_t n, const pyr_obj *args, pyr_obj kwargs);
pyr_obj pyr_call_method(pyr_obj o, const char *name, size_t n, const pyr_obj *args);

/* Bind the arguments of a PYR_FUN_KW function to named parameters: out[i] gets the value of
 * parameter names[i], from position i or from keyword names[i], or NULL when it was not
 * given (only allowed for i >= n_required). Raises TypeError for too many positional
 * arguments, an unknown or repeated keyword, or a missing required parameter. */
int pyr_parse_args(size_t n_args, const pyr_obj *args, pyr_obj kwargs, size_t n_params,
                   const char *const *names, size_t n_required, pyr_obj *out);

/* ------------------------------------------------------------------------------------------
 * Exceptions
 * ---------------------------------------------------------------------------------------- */

/* Raise type(msg) (msg may be NULL: no argument); always returns NULL, so that a C function
 * can `return pyr_raise(PYR_EXC_VALUE_ERROR, "bad pin");`. `type` is an exception class. */
pyr_obj pyr_raise(pyr_obj type, const char *msg);

/* Raise an exception instance or class. Returns NULL. */
pyr_obj pyr_raise_obj(pyr_obj exc);

/* The exception being raised (a new handle), or NULL when there is none. */
pyr_obj pyr_err_occurred(void);

/* 1 when an exception is set and is an instance of `type`, else 0 (-1 for a bad handle). */
int pyr_err_matches(pyr_obj type);

/* Take the exception being raised (a handle), clearing it; NULL when there is none. */
pyr_obj pyr_err_fetch(void);

/* Clear the exception being raised, if any. */
void pyr_err_clear(void);

/* ------------------------------------------------------------------------------------------
 * Handle scopes and long-lived references
 * ---------------------------------------------------------------------------------------- */

/* Release, in a loop, the handles made since a mark: pyr_handles_release(mark, keep)
 * invalidates them and returns a new handle for `keep` (which may be NULL: returns NULL). */
size_t pyr_handles_mark(void);
pyr_obj pyr_handles_release(size_t mark, pyr_obj keep);

/* A reference that keeps its object alive until pyr_ref_free, across calls (a root: an
 * object it holds is never collected, so do not make cycles through them). pyr_ref_get makes
 * a handle for the current call; it fails (TypeError) with a reference of another
 * interpreter. pyr_ref_free(NULL) does nothing. */
typedef struct pyr_ref pyr_ref;
pyr_ref *pyr_ref_new(pyr_obj o);
pyr_obj pyr_ref_get(const pyr_ref *r);
void pyr_ref_free(pyr_ref *r);

/* Run a full collection now. */
void pyr_gc_collect(void);

/* ------------------------------------------------------------------------------------------
 * Module definitions
 * ---------------------------------------------------------------------------------------- */

/* The shapes of C functions. Methods get the instance first (a method without arguments is
 * a PYR_FUN_1). A PYR_FUN_KW function gets its keyword arguments as a dict (or NULL when
 * there are none); use pyr_parse_args to bind them. */
typedef pyr_obj (*pyr_fun0_t)(void);
typedef pyr_obj (*pyr_fun1_t)(pyr_obj a);
typedef pyr_obj (*pyr_fun2_t)(pyr_obj a, pyr_obj b);
typedef pyr_obj (*pyr_fun3_t)(pyr_obj a, pyr_obj b, pyr_obj c);
typedef pyr_obj (*pyr_fun_var_t)(size_t n_args, const pyr_obj *args);
typedef pyr_obj (*pyr_fun_kw_t)(size_t n_args, const pyr_obj *args, pyr_obj kwargs);

enum {
    PYR_FUN_0 = 1,   /* exactly 0 arguments: fn.f0 */
    PYR_FUN_1 = 2,   /* exactly 1 argument: fn.f1 */
    PYR_FUN_2 = 3,   /* exactly 2: fn.f2 */
    PYR_FUN_3 = 4,   /* exactly 3: fn.f3 */
    PYR_FUN_VAR = 5, /* n_min..n_max positional arguments: fn.var */
    PYR_FUN_KW = 6   /* n_min..n_max positional arguments and keywords: fn.kw */
};

/* No upper bound on positional arguments. */
#define PYR_ARGS_MAX 0xffffu

/* A function: its shape, its bounds (PYR_FUN_VAR/KW only) and the C function. */
typedef struct pyr_fun {
    uint16_t kind;
    uint16_t n_min;
    uint16_t n_max;
    uint16_t reserved; /* 0 */
    union {
        pyr_fun0_t f0;
        pyr_fun1_t f1;
        pyr_fun2_t f2;
        pyr_fun3_t f3;
        pyr_fun_var_t var;
        pyr_fun_kw_t kw;
    } fn;
} pyr_fun;

#define PYR_FUN0(f) {PYR_FUN_0, 0, 0, 0, {.f0 = (f)}}
#define PYR_FUN1(f) {PYR_FUN_1, 1, 1, 0, {.f1 = (f)}}
#define PYR_FUN2(f) {PYR_FUN_2, 2, 2, 0, {.f2 = (f)}}
#define PYR_FUN3(f) {PYR_FUN_3, 3, 3, 0, {.f3 = (f)}}
#define PYR_FUN_VAR(min, max, f) {PYR_FUN_VAR, (min), (max), 0, {.var = (f)}}
#define PYR_FUN_KW(min, max, f) {PYR_FUN_KW, (min), (max), 0, {.kw = (f)}}

/* An attribute of instances: get(self) returns the value; set(self, value) returns 0, or -1
 * with an exception set. A NULL setter makes the attribute read-only. */
typedef pyr_obj (*pyr_getter_t)(pyr_obj self);
typedef int (*pyr_setter_t)(pyr_obj self, pyr_obj value);

enum {
    PYR_ROM_NONE = 1,
    PYR_ROM_FALSE = 2,
    PYR_ROM_TRUE = 3,
    PYR_ROM_INT = 4,   /* u.i */
    PYR_ROM_FLOAT = 5, /* u.f */
    PYR_ROM_STR = 6,   /* u.s: NUL-terminated UTF-8 */
    PYR_ROM_FUN = 7,   /* u.ptr: a const pyr_fun * */
    PYR_ROM_TYPE = 8,  /* u.ptr: a const pyr_type * (modules only) */
    PYR_ROM_ATTR = 9   /* u.attr: getter and setter (types only) */
};

/* A constant value in a table: what a member is. */
typedef struct pyr_rom {
    uint32_t kind;
    union {
        int64_t i;
        double f;
        const char *s;
        const void *ptr;
        struct {
            pyr_getter_t get;
            pyr_setter_t set;
        } attr;
    } u;
} pyr_rom;

/* One member of a module or type: a name (a PYR_ROM_STR) and its value. */
typedef struct pyr_member {
    pyr_rom key;
    pyr_rom value;
} pyr_member;

#define PYR_ROM_STR_(text) {PYR_ROM_STR, {.s = (text)}}
#define PYR_MEMBER_FUN(name, fun) {PYR_ROM_STR_(name), {PYR_ROM_FUN, {.ptr = &(fun)}}}
#define PYR_MEMBER_TYPE(name, type) {PYR_ROM_STR_(name), {PYR_ROM_TYPE, {.ptr = &(type)}}}
#define PYR_MEMBER_INT(name, v) {PYR_ROM_STR_(name), {PYR_ROM_INT, {.i = (v)}}}
#define PYR_MEMBER_FLOAT(name, v) {PYR_ROM_STR_(name), {PYR_ROM_FLOAT, {.f = (v)}}}
#define PYR_MEMBER_STR(name, v) {PYR_ROM_STR_(name), PYR_ROM_STR_(v)}
#define PYR_MEMBER_NONE(name) {PYR_ROM_STR_(name), {PYR_ROM_NONE, {.i = 0}}}
#define PYR_MEMBER_BOOL(name, v) {PYR_ROM_STR_(name), {(v) ? PYR_ROM_TRUE : PYR_ROM_FALSE, {.i = 0}}}
#define PYR_MEMBER_ATTR(name, get, set) \
    {PYR_ROM_STR_(name), {PYR_ROM_ATTR, {.attr = {(get), (set)}}}}

#define PYR_LEN(array) (sizeof(array) / sizeof((array)[0]))

/* A native type. Its instances hold `data_size` bytes of C data (zeroed, 16-byte aligned;
 * pyr_data gives them) and `n_slots` Python values (None at first; pyr_slot/pyr_set_slot),
 * which the collector traces: that is where an instance keeps the Python objects it
 * references. `init` (a function whose first argument is the new instance, or NULL for a
 * type that takes no arguments) runs when Python calls the type. `finalise` (or NULL) runs
 * when an instance is freed; it gets the data and must not call any pyr_ function. Members
 * are methods (PYR_ROM_FUN, the instance first), attributes (PYR_ROM_ATTR) and class
 * constants. The type is a Python class: it can be subclassed, and its instances take other
 * attributes. */
typedef struct pyr_type {
    const char *name;
    size_t data_size;
    size_t n_slots;
    const pyr_fun *init;
    void (*finalise)(void *data);
    const pyr_member *members;
    size_t n_members;
} pyr_type;

/* A module: the ABI version (always PYR_ABI_VERSION), its name, its members (functions,
 * types and constants), and an init function (or NULL) run once the members are in place:
 * it returns 0, or -1 with an exception set (the registration or import then fails).
 * `mp_module` is for pyrite_micropython.h (NULL otherwise). */
typedef struct pyr_module_def {
    uint32_t abi_version;
    uint32_t flags; /* 0 */
    const char *name;
    const pyr_member *members;
    size_t n_members;
    int (*init)(pyr_obj module);
    const void *mp_module;
} pyr_module_def;

/* Define the module definition `pyrite_module_NAME`, the symbol the unix port looks for in
 * NAME.so when `import NAME` finds it on sys.path:
 *     PYR_MODULE_DEF(counter) = {PYR_ABI_VERSION, 0, "counter", members, PYR_LEN(members)};
 */
#define PYR_MODULE_DEF(name) PYR_EXPORT const pyr_module_def pyrite_module_##name

/* ------------------------------------------------------------------------------------------
 * Native instances
 * ---------------------------------------------------------------------------------------- */

/* The C data of `self`, an instance of `type` (or of a Python subclass of it); NULL with
 * TypeError when it is not one. Valid while the instance is alive. */
void *pyr_data(pyr_obj self, const pyr_type *type);

/* Slot i of `self` (an instance of `type`); IndexError past n_slots. */
pyr_obj pyr_slot(pyr_obj self, const pyr_type *type, size_t i);
int pyr_set_slot(pyr_obj self, const pyr_type *type, size_t i, pyr_obj value);

/* The class of `type` in the current interpreter (registered with its module); calling it
 * makes an instance: pyr_new(type, n, args) is pyr_call(pyr_type_object(type), n, args). */
pyr_obj pyr_type_object(const pyr_type *type);
pyr_obj pyr_new(const pyr_type *type, size_t n, const pyr_obj *args);

/* ------------------------------------------------------------------------------------------
 * Registration and C hosts
 * ---------------------------------------------------------------------------------------- */

/* The ABI version of the linked library (PYR_ABI_VERSION when header and library agree). */
uint32_t pyr_abi_version(void);

/* Register a module into the current interpreter (from running C code); returns the module,
 * or NULL with ImportError (version mismatch, bad definition) or the init's exception. */
pyr_obj pyr_module_register(const pyr_module_def *def);

/* An interpreter owned by C code, printing to the process's stdout and stderr (and, on
 * unix, importing .so modules from sys.path). C code that an interpreter is running cannot
 * re-enter it through these functions: the call fails (-1) and pyr_interp_free does
 * nothing. */
typedef struct pyr_interp pyr_interp;

/* A new interpreter with a heap of `heap_bytes` (NULL when that is too small). */
pyr_interp *pyr_interp_new(size_t heap_bytes);

/* Drop an interpreter (NULL does nothing). */
void pyr_interp_free(pyr_interp *interp);

/* Register a C module, importable at once. 0, or -1 (pyr_interp_error says why). */
int pyr_interp_add_module(pyr_interp *interp, const pyr_module_def *def);

/* Run Python source as the body of __main__. 0, or -1: the traceback is printed on stderr
 * and pyr_interp_error says "Type: message". */
int pyr_interp_exec(pyr_interp *interp, const char *source);

/* Call fn(user) with `interp` current, so that it can use the object functions (its handles
 * are released when it returns). fn returns 0, or -1 with an exception set; pyr_interp_run
 * returns the same (pyr_interp_error says why). */
int pyr_interp_run(pyr_interp *interp, int (*fn)(void *user), void *user);

/* "Type: message" of the last failure of a pyr_interp_ function ("" when there was none),
 * valid until the next call on `interp`. */
const char *pyr_interp_error(const pyr_interp *interp);

#ifdef __cplusplus
}
#endif

#endif /* PYRITE_H */
