/*
 * pyrite_micropython.h: MicroPython's user-C-module names over pyrite.h, so that porting a
 * MicroPython user C module is mostly mechanical.
 *
 * Needs C11 (_Generic) and, for the mp_obj_get_* conversions, GCC or Clang (statement
 * expressions).
 *
 * WHAT IS THE SAME
 *   - mp_obj_t, mp_int_t, mp_uint_t, mp_float_t, MP_OBJ_NULL, mp_const_none/true/false;
 *     MP_OBJ_NEW_SMALL_INT / MP_OBJ_SMALL_INT_VALUE / mp_obj_is_small_int (an int argument
 *     that fits arrives as a small int, as in MicroPython).
 *   - MP_DEFINE_CONST_FUN_OBJ_0/1/2/3, _VAR, _VAR_BETWEEN, _KW and the C function
 *     signatures they take (mp_map_t *kw_args is a pyr_obj dict, or NULL).
 *   - The module table: mp_rom_map_elem_t, MP_ROM_QSTR(MP_QSTR_name), MP_ROM_PTR(&fun_obj),
 *     MP_ROM_INT, MP_ROM_NONE/TRUE/FALSE, MP_DEFINE_CONST_DICT, mp_obj_module_t with
 *     .base = {&mp_type_module} and .globals, and MP_REGISTER_MODULE(MP_QSTR_name, module).
 *   - mp_obj_new_int/_from_uint/_float/_bool/_str/_bytes/_tuple/_list/_dict, mp_obj_len,
 *     mp_obj_is_true, mp_obj_get_int/float, mp_obj_str_get_str/_data, mp_load_attr,
 *     mp_call_function_0/1/2/_n_kw, mp_raise_msg, mp_raise_ValueError/TypeError/
 *     OSError/NotImplementedError, MP_ERROR_TEXT, &mp_type_<Name> for builtin types and
 *     exceptions.
 *
 * WHAT DIFFERS
 *   - Errors never longjmp. mp_raise_* and mp_obj_get_* RETURN MP_OBJ_NULL from the enclosing
 *     function (which must therefore return mp_obj_t); in helpers returning something else,
 *     call pyr_raise / pyr_int_value and propagate the error yourself. nlr_push/nlr_pop do
 *     not exist: check return values (NULL / -1) instead.
 *   - Objects are handles, not pointers: no MP_OBJ_TO_PTR / MP_OBJ_FROM_PTR, no
 *     mp_obj_malloc, no custom object structs. A native type is a pyr_type (pyrite.h): its
 *     C data comes from pyr_data(self, &type), and Python values it keeps go in its traced
 *     slots (pyr_set_slot), never in C globals or C data (the collector cannot see those).
 *     MP_DEFINE_CONST_OBJ_TYPE has no equivalent.
 *   - Handles are valid until the C function returns (see pyrite.h); MP_REGISTER_ROOT_POINTER
 *     becomes a pyr_ref or a module attribute.
 *   - qstrs are strings: MP_QSTR_name is only understood inside MP_ROM_QSTR, mp_load_attr
 *     and MP_REGISTER_MODULE (the macros turn the token into "name"); elsewhere write "name".
 *   - kw_args is a dict: bind keyword arguments with pyr_parse_args instead of
 *     mp_arg_parse_all (not provided).
 *   - mp_obj_is_type(o, &mp_type_x) is isinstance: instances of subclasses match too.
 *   - A module built as a shared library (the unix port's `import`) is found by
 *     MP_REGISTER_MODULE's symbol; MicroPython's build-time module registration does not
 *     apply.
 */
#ifndef PYRITE_MICROPYTHON_H
#define PYRITE_MICROPYTHON_H

#include "pyrite.h"

typedef pyr_obj mp_obj_t;
typedef pyr_obj mp_const_obj_t;
typedef intptr_t mp_int_t;
typedef uintptr_t mp_uint_t;
typedef double mp_float_t;
typedef struct pyr_object mp_map_t; /* so that `mp_map_t *kw_args` is a pyr_obj */

#define MP_OBJ_NULL PYR_NULL
#define mp_const_none PYR_NONE
#define mp_const_true PYR_TRUE
#define mp_const_false PYR_FALSE
#define MP_OBJ_NEW_SMALL_INT(n) PYR_SMALL_INT(n)
#define MP_OBJ_SMALL_INT_VALUE(o) PYR_SMALL_INT_VALUE(o)
#define mp_obj_is_small_int(o) PYR_IS_SMALL_INT(o)
#define MP_ARRAY_SIZE(a) PYR_LEN(a)
#define MP_ERROR_TEXT(s) (s)

/* "MP_QSTR_name" + 8 is "name". */
#define PYR_MP_QSTR_(q) (#q + 8)

/* Builtin types and exceptions: &mp_type_X is the constant handle. */
#define PYR_MP_TYPE_(h) (*(struct pyr_object *)(h))
#define mp_type_object PYR_MP_TYPE_(PYR_TYPE_OBJECT)
#define mp_type_type PYR_MP_TYPE_(PYR_TYPE_TYPE)
#define mp_type_int PYR_MP_TYPE_(PYR_TYPE_INT)
#define mp_type_float PYR_MP_TYPE_(PYR_TYPE_FLOAT)
#define mp_type_bool PYR_MP_TYPE_(PYR_TYPE_BOOL)
#define mp_type_str PYR_MP_TYPE_(PYR_TYPE_STR)
#define mp_type_bytes PYR_MP_TYPE_(PYR_TYPE_BYTES)
#define mp_type_bytearray PYR_MP_TYPE_(PYR_TYPE_BYTEARRAY)
#define mp_type_tuple PYR_MP_TYPE_(PYR_TYPE_TUPLE)
#define mp_type_list PYR_MP_TYPE_(PYR_TYPE_LIST)
#define mp_type_dict PYR_MP_TYPE_(PYR_TYPE_DICT)
#define mp_type_set PYR_MP_TYPE_(PYR_TYPE_SET)
#define mp_type_BaseException PYR_MP_TYPE_(PYR_EXC_BASE_EXCEPTION)
#define mp_type_Exception PYR_MP_TYPE_(PYR_EXC_EXCEPTION)
#define mp_type_AttributeError PYR_MP_TYPE_(PYR_EXC_ATTRIBUTE_ERROR)
#define mp_type_IndexError PYR_MP_TYPE_(PYR_EXC_INDEX_ERROR)
#define mp_type_KeyError PYR_MP_TYPE_(PYR_EXC_KEY_ERROR)
#define mp_type_MemoryError PYR_MP_TYPE_(PYR_EXC_MEMORY_ERROR)
#define mp_type_NotImplementedError PYR_MP_TYPE_(PYR_EXC_NOT_IMPLEMENTED_ERROR)
#define mp_type_OSError PYR_MP_TYPE_(PYR_EXC_OS_ERROR)
#define mp_type_OverflowError PYR_MP_TYPE_(PYR_EXC_OVERFLOW_ERROR)
#define mp_type_RuntimeError PYR_MP_TYPE_(PYR_EXC_RUNTIME_ERROR)
#define mp_type_StopIteration PYR_MP_TYPE_(PYR_EXC_STOP_ITERATION)
#define mp_type_TypeError PYR_MP_TYPE_(PYR_EXC_TYPE_ERROR)
#define mp_type_ValueError PYR_MP_TYPE_(PYR_EXC_VALUE_ERROR)
#define mp_type_ZeroDivisionError PYR_MP_TYPE_(PYR_EXC_ZERO_DIVISION_ERROR)

/* Functions. */
#define MP_DEFINE_CONST_FUN_OBJ_0(obj_name, fun) const pyr_fun obj_name = PYR_FUN0(fun)
#define MP_DEFINE_CONST_FUN_OBJ_1(obj_name, fun) const pyr_fun obj_name = PYR_FUN1(fun)
#define MP_DEFINE_CONST_FUN_OBJ_2(obj_name, fun) const pyr_fun obj_name = PYR_FUN2(fun)
#define MP_DEFINE_CONST_FUN_OBJ_3(obj_name, fun) const pyr_fun obj_name = PYR_FUN3(fun)
#define MP_DEFINE_CONST_FUN_OBJ_VAR(obj_name, n_min, fun) \
    const pyr_fun obj_name = PYR_FUN_VAR((n_min), PYR_ARGS_MAX, fun)
#define MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(obj_name, n_min, n_max, fun) \
    const pyr_fun obj_name = PYR_FUN_VAR((n_min), (n_max), fun)
#define MP_DEFINE_CONST_FUN_OBJ_KW(obj_name, n_min, fun) \
    const pyr_fun obj_name = PYR_FUN_KW((n_min), PYR_ARGS_MAX, fun)

/* Module tables. */
typedef pyr_member mp_rom_map_elem_t;
typedef struct pyr_mp_table {
    const pyr_member *members;
    size_t n_members;
} mp_obj_dict_t;
typedef struct {
    const void *type;
} mp_obj_base_t;
typedef struct {
    mp_obj_base_t base;
    mp_obj_dict_t *globals;
} mp_obj_module_t;
#define mp_type_module (*(const char *)"module")

#define MP_ROM_QSTR(q) {PYR_ROM_STR, {.s = PYR_MP_QSTR_(q)}}
#define MP_ROM_INT(value) {PYR_ROM_INT, {.i = (value)}}
#define MP_ROM_NONE {PYR_ROM_NONE, {.i = 0}}
#define MP_ROM_TRUE {PYR_ROM_TRUE, {.i = 0}}
#define MP_ROM_FALSE {PYR_ROM_FALSE, {.i = 0}}
#define MP_ROM_PTR(p)                                                                        \
    {_Generic((p), const pyr_fun *: PYR_ROM_FUN, pyr_fun *: PYR_ROM_FUN,                    \
              const pyr_type *: PYR_ROM_TYPE, pyr_type *: PYR_ROM_TYPE),                    \
     {.ptr = (p)}}
#define MP_DEFINE_CONST_DICT(dict_name, table) \
    const mp_obj_dict_t dict_name = {(table), sizeof(table) / sizeof((table)[0])}

/* Exported as pyrite_module_MP_QSTR_name, the unix port's second choice of symbol. */
#define MP_REGISTER_MODULE(module_name, obj_module)                                          \
    PYR_EXPORT const pyr_module_def pyrite_module_##module_name = {                          \
        PYR_ABI_VERSION, 0, PYR_MP_QSTR_(module_name), NULL, 0, NULL, &(obj_module)}

/* Values. */
#define mp_obj_new_int(v) pyr_int((int64_t)(v))
#define mp_obj_new_int_from_uint(v) pyr_int_u64((uint64_t)(v))
#define mp_obj_new_float(v) pyr_float((double)(v))
#define mp_obj_new_bool(v) pyr_bool((v) ? 1 : 0)
#define mp_obj_new_str(s, len) pyr_str((s), (len))
#define mp_obj_new_bytes(b, len) pyr_bytes((b), (len))
#define mp_obj_new_tuple(n, items) pyr_tuple((n), (items))
#define mp_obj_new_list(n, items) pyr_list((n), (items))
#define mp_obj_new_dict(n) pyr_dict()
#define mp_obj_is_type(o, t) (pyr_isinstance((o), (t)) == 1)
#define mp_obj_len(o) pyr_int((int64_t)pyr_len(o))
#define mp_obj_subscr(o, index, value) pyr_getitem((o), (index))
#define mp_load_attr(o, q) pyr_getattr((o), PYR_MP_QSTR_(q))

/* Conversions: on failure they return MP_OBJ_NULL from the enclosing function. */
#define mp_obj_get_int(o)                                                                    \
    __extension__({                                                                          \
        int64_t pyr_v_;                                                                      \
        if (pyr_int_value((o), &pyr_v_) != 0)                                                \
            return MP_OBJ_NULL;                                                              \
        (mp_int_t)pyr_v_;                                                                    \
    })
#define mp_obj_get_float(o)                                                                  \
    __extension__({                                                                          \
        double pyr_v_;                                                                       \
        if (pyr_float_value((o), &pyr_v_) != 0)                                              \
            return MP_OBJ_NULL;                                                              \
        pyr_v_;                                                                              \
    })
#define mp_obj_is_true(o)                                                                    \
    __extension__({                                                                          \
        int pyr_v_ = pyr_truth(o);                                                           \
        if (pyr_v_ < 0)                                                                      \
            return MP_OBJ_NULL;                                                              \
        pyr_v_ != 0;                                                                         \
    })
#define mp_obj_str_get_str(o)                                                                \
    __extension__({                                                                          \
        const char *pyr_v_ = pyr_cstr(o);                                                    \
        if (pyr_v_ == NULL)                                                                  \
            return MP_OBJ_NULL;                                                              \
        pyr_v_;                                                                              \
    })
#define mp_obj_str_get_data(o, len)                                                          \
    __extension__({                                                                          \
        const char *pyr_v_ = pyr_str_data((o), (len));                                       \
        if (pyr_v_ == NULL)                                                                  \
            return MP_OBJ_NULL;                                                              \
        pyr_v_;                                                                              \
    })

/* Calls. */
#define mp_call_function_0(f) pyr_call((f), 0, NULL)
#define mp_call_function_1(f, a) pyr_call((f), 1, (const pyr_obj[]){(a)})
#define mp_call_function_2(f, a, b) pyr_call((f), 2, (const pyr_obj[]){(a), (b)})

/* args holds n_args positional values then n_kw (name, value) pairs. */
static inline mp_obj_t mp_call_function_n_kw(mp_obj_t f, size_t n_args, size_t n_kw,
                                             const mp_obj_t *args) {
    mp_obj_t kw = MP_OBJ_NULL;
    if (n_kw > 0) {
        kw = pyr_dict();
        if (kw == MP_OBJ_NULL)
            return MP_OBJ_NULL;
        for (size_t i = 0; i < n_kw; i++) {
            if (pyr_setitem(kw, args[n_args + 2 * i], args[n_args + 2 * i + 1]) != 0)
                return MP_OBJ_NULL;
        }
    }
    return pyr_call_kw(f, n_args, args, kw);
}

/* Exceptions: these RETURN MP_OBJ_NULL from the enclosing function. */
#define mp_raise_msg(type, msg) return pyr_raise((type), (msg))
#define mp_raise_ValueError(msg) return pyr_raise(PYR_EXC_VALUE_ERROR, (msg))
#define mp_raise_TypeError(msg) return pyr_raise(PYR_EXC_TYPE_ERROR, (msg))
#define mp_raise_NotImplementedError(msg) return pyr_raise(PYR_EXC_NOT_IMPLEMENTED_ERROR, (msg))
#define mp_raise_OSError(errno_)                                                             \
    return pyr_raise_obj(pyr_call(PYR_EXC_OS_ERROR, 1, (const pyr_obj[]){PYR_SMALL_INT(errno_)}))

#endif /* PYRITE_MICROPYTHON_H */
