/* MicroPython's example user C module (examples/usercmodule/cexample), ported to pyrite with
 * pyrite_micropython.h. The changes from MicroPython's source are marked "pyrite:". */
#include "pyrite_micropython.h" /* pyrite: instead of "py/runtime.h" */

/* This is the function which will be called from Python as cexample.add_ints(a, b). */
static mp_obj_t example_add_ints(mp_obj_t a_obj, mp_obj_t b_obj) {
    /* Extract the ints from the micropython input objects. */
    int a = mp_obj_get_int(a_obj);
    int b = mp_obj_get_int(b_obj);

    /* Calculate the addition and convert to MicroPython object. */
    return mp_obj_new_int(a + b);
}
/* Define a Python reference to the function above. */
static MP_DEFINE_CONST_FUN_OBJ_2(example_add_ints_obj, example_add_ints);

/* More of MicroPython's API, as user modules use it. */
static mp_obj_t example_describe(size_t n_args, const mp_obj_t *args) {
    if (n_args == 0) {
        mp_raise_ValueError(MP_ERROR_TEXT("need something to describe"));
    }
    if (mp_obj_is_small_int(args[0])) {
        return MP_OBJ_NEW_SMALL_INT(MP_OBJ_SMALL_INT_VALUE(args[0]) * 10);
    }
    if (mp_obj_is_type(args[0], &mp_type_str)) {
        size_t len;
        const char *s = mp_obj_str_get_data(args[0], &len);
        return mp_obj_new_str(s, len > 3 ? 3 : len);
    }
    if (mp_obj_is_type(args[0], &mp_type_float)) {
        return mp_obj_new_float(mp_obj_get_float(args[0]) / 2);
    }
    if (mp_obj_is_true(args[0])) {
        return mp_const_true;
    }
    return mp_const_none;
}
static MP_DEFINE_CONST_FUN_OBJ_VAR_BETWEEN(example_describe_obj, 0, 1, example_describe);

static mp_obj_t example_call(mp_obj_t f, mp_obj_t x) {
    mp_obj_t r = mp_call_function_1(f, x);
    if (r == MP_OBJ_NULL) {
        return MP_OBJ_NULL; /* pyrite: errors propagate by return value */
    }
    mp_obj_t upper = mp_load_attr(r, MP_QSTR_upper);
    if (upper == MP_OBJ_NULL) {
        return MP_OBJ_NULL;
    }
    return mp_call_function_0(upper);
}
static MP_DEFINE_CONST_FUN_OBJ_2(example_call_obj, example_call);

static mp_obj_t example_kw(size_t n_args, const mp_obj_t *pos_args, mp_map_t *kw_args) {
    /* pyrite: kw_args is a dict (or NULL): pyr_parse_args instead of mp_arg_parse_all */
    static const char *const names[] = {"a", "scale"};
    mp_obj_t args[2];
    if (pyr_parse_args(n_args, pos_args, kw_args, 2, names, 1, args) != 0) {
        return MP_OBJ_NULL;
    }
    mp_int_t a = mp_obj_get_int(args[0]);
    mp_int_t scale = args[1] == MP_OBJ_NULL ? 1 : mp_obj_get_int(args[1]);
    mp_obj_t items[2] = {mp_obj_new_int(a * scale), mp_obj_new_str("ok", 2)};
    return mp_obj_new_tuple(2, items);
}
static MP_DEFINE_CONST_FUN_OBJ_KW(example_kw_obj, 1, example_kw);

static mp_obj_t example_oserror(void) {
    mp_raise_OSError(5);
}
static MP_DEFINE_CONST_FUN_OBJ_0(example_oserror_obj, example_oserror);

/* Define all attributes of the module.
 * Table entries are key/value pairs of the attribute name (a string)
 * and the MicroPython object reference.
 * All identifiers and strings are written as MP_QSTR_xxx and will be
 * optimized to word-sized integers by the build system (interned strings). */
static const mp_rom_map_elem_t example_module_globals_table[] = {
    {MP_ROM_QSTR(MP_QSTR___name__), MP_ROM_QSTR(MP_QSTR_cexample)},
    {MP_ROM_QSTR(MP_QSTR_add_ints), MP_ROM_PTR(&example_add_ints_obj)},
    {MP_ROM_QSTR(MP_QSTR_describe), MP_ROM_PTR(&example_describe_obj)},
    {MP_ROM_QSTR(MP_QSTR_call), MP_ROM_PTR(&example_call_obj)},
    {MP_ROM_QSTR(MP_QSTR_kw), MP_ROM_PTR(&example_kw_obj)},
    {MP_ROM_QSTR(MP_QSTR_oserror), MP_ROM_PTR(&example_oserror_obj)},
    {MP_ROM_QSTR(MP_QSTR_ANSWER), MP_ROM_INT(42)},
    {MP_ROM_QSTR(MP_QSTR_NOTHING), MP_ROM_NONE},
};
static MP_DEFINE_CONST_DICT(example_module_globals, example_module_globals_table);

/* Define module object. */
const mp_obj_module_t example_user_cmodule = {
    .base = {&mp_type_module},
    .globals = (mp_obj_dict_t *)&example_module_globals,
};

/* Register the module to make it available in Python. */
MP_REGISTER_MODULE(MP_QSTR_cexample, example_user_cmodule);
