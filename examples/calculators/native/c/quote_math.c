/*
 * Quote arithmetic for the DishtaYantra Native calculator, in both call styles.
 *
 * Build: gcc -O2 -shared -fPIC -o libquote_math.so quote_math.c
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DY_OK 0
#define DY_BUFFER_TOO_SMALL 1
#define DY_ERROR 2

/* Reads the number that follows "name": in a flat JSON object; returns 0 when it is absent. */
static int find_number(const char *json, const char *name, double *value) {
    char pattern[64];
    snprintf(pattern, sizeof pattern, "\"%s\":", name);
    const char *at = strstr(json, pattern);
    if (at == NULL) {
        return 0;
    }
    char *end;
    *value = strtod(at + strlen(pattern), &end);
    return end != at + strlen(pattern);
}

/* Writes a UTF-8 message into out_buf as the error text, truncated to out_cap. */
static int32_t fail(const char *message, char *out_buf, size_t out_cap, size_t *out_len) {
    size_t length = strlen(message);
    if (length > out_cap) {
        length = out_cap;
    }
    memcpy(out_buf, message, length);
    *out_len = length;
    return DY_ERROR;
}

/*
 * JSON style: reads bid and ask, writes {"mid": ..., "spread": ...}.
 * in_json is NUL-terminated and owned by the caller; out_buf is owned by the caller.
 */
int32_t quote_mid_json(const char *in_json, size_t in_len, char *out_buf, size_t out_cap, size_t *out_len) {
    (void) in_len;
    double bid, ask;
    if (!find_number(in_json, "bid", &bid) || !find_number(in_json, "ask", &ask)) {
        return fail("bid and ask must be numbers", out_buf, out_cap, out_len);
    }
    char result[128];
    int length = snprintf(result, sizeof result, "{\"mid\":%.17g,\"spread\":%.17g}", (bid + ask) / 2, ask - bid);
    *out_len = (size_t) length;
    if ((size_t) length > out_cap) {
        return DY_BUFFER_TOO_SMALL;
    }
    memcpy(out_buf, result, (size_t) length);
    return DY_OK;
}

/*
 * Numeric style: inputs are the columns bid, ask; outputs are the columns mid, spread.
 * Every column holds rows doubles and is owned by the caller.
 */
int32_t quote_mid_numeric(const double *const *inputs, size_t n_inputs,
                          double *const *outputs, size_t n_outputs, size_t rows) {
    if (n_inputs != 2 || n_outputs != 2) {
        return DY_ERROR;
    }
    const double *bid = inputs[0];
    const double *ask = inputs[1];
    for (size_t row = 0; row < rows; row++) {
        outputs[0][row] = (bid[row] + ask[row]) / 2;
        outputs[1][row] = ask[row] - bid[row];
    }
    return DY_OK;
}
