/* A C module built as a shared library (sensor.so) that the unix port's `import` loads. */
#include "pyrite.h"

static pyr_obj read_(pyr_obj channel) {
    int64_t c;
    if (pyr_int_value(channel, &c) != 0) return PYR_NULL;
    if (c < 0 || c > 3) return pyr_raise(PYR_EXC_VALUE_ERROR, "no such channel");
    return pyr_float(20.0 + (double)c / 2);
}
static const pyr_fun read_fun = PYR_FUN1(read_);

static pyr_obj each(pyr_obj f) {
    for (int i = 0; i < 4; i++) {
        pyr_obj v = pyr_float(20.0 + i / 2.0);
        if (!v || !pyr_call(f, 1, &v)) return PYR_NULL;
    }
    return PYR_NONE;
}
static const pyr_fun each_fun = PYR_FUN1(each);

static const pyr_member members[] = {
    PYR_MEMBER_FUN("read", read_fun),
    PYR_MEMBER_FUN("each", each_fun),
    PYR_MEMBER_INT("CHANNELS", 4),
};

PYR_MODULE_DEF(sensor) = {PYR_ABI_VERSION, 0, "sensor", members, PYR_LEN(members), NULL, NULL};

/* Built for another ABI version: import must refuse it. */
PYR_MODULE_DEF(oldsensor) = {PYR_ABI_VERSION + 1, 0, "oldsensor", members, PYR_LEN(members), NULL, NULL};
