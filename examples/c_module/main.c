/*
 * main.c: a firmware main loop written in C that hosts pyrite, with no Rust of its own: it
 * links libpyrite_ffi.a (the staticlib `cargo build -p pyrite-ffi` makes) and the C module in
 * dsp.c, both with the C toolchain.
 *
 *     cargo build -p pyrite-ffi
 *     cc -Iports/ffi/include examples/c_module/main.c examples/c_module/dsp.c \
 *        target/debug/libpyrite_ffi.a -lpthread -ldl -lm -o dsp-host
 *     ./dsp-host
 *
 * ports/ffi/tests/c_program.rs does exactly this and checks the output (a failed
 * pyr_interp_exec also prints its traceback on stderr).
 */
#include <stdio.h>

#include "pyrite.h"

/* Defined in dsp.c by PYR_MODULE_DEF(dsp). */
extern const pyr_module_def pyrite_module_dsp;

/* A C function run inside the interpreter (pyr_interp_run): it may use the object functions,
 * whose results are released when it returns. */
static int read_average(void *user) {
    double *out = user;
    pyr_obj m = pyr_import("__main__");
    pyr_obj f = m == PYR_NULL ? PYR_NULL : pyr_getattr(m, "f");
    pyr_obj avg = f == PYR_NULL ? PYR_NULL : pyr_getattr(f, "average");
    if (avg == PYR_NULL || pyr_float_value(avg, out) != 0) {
        return -1;
    }
    return 0;
}

int main(void) {
    /* The interpreter's heap: 128 KiB, taken once; Python never uses more. */
    pyr_interp *py = pyr_interp_new(128 * 1024);
    if (py == NULL) {
        fputs("no interpreter\n", stderr);
        return 2;
    }
    /* Register the C module (its ABI version is checked here). */
    if (pyr_interp_add_module(py, &pyrite_module_dsp) != 0) {
        fprintf(stderr, "register: %s\n", pyr_interp_error(py));
        return 2;
    }
    static const char program[] =
        "import dsp\n"
        "f = dsp.MovingAverage(4)\n"
        "f.on_full(lambda avg: print('window full, average', avg))\n"
        "for x in (1, 2, 3, 4, 5):\n"
        "    f.push(x)\n"
        "print(dsp.mix(0.0, 10.0, t=0.25), dsp.WINDOW_MAX)\n";
    if (pyr_interp_exec(py, program) != 0) {
        fprintf(stderr, "exec: %s\n", pyr_interp_error(py));
        return 1;
    }
    double avg = 0.0;
    if (pyr_interp_run(py, read_average, &avg) != 0) {
        fprintf(stderr, "run: %s\n", pyr_interp_error(py));
        return 1;
    }
    fflush(stdout);
    printf("C read average %.2f\n", avg);
    /* A Python error comes back as a status and a "Type: message" string, never a crash. */
    if (pyr_interp_exec(py, "dsp.mix(1, 2, t=5)") != -1) {
        return 1;
    }
    printf("C caught %s\n", pyr_interp_error(py));
    pyr_interp_free(py);
    return 0;
}
