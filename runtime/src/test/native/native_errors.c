/* Functions that misbehave on purpose, for the Native calculator's error-path tests. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

int32_t fails_with_message(const char *in_json, size_t in_len, char *out_buf, size_t out_cap, size_t *out_len) {
    (void) in_json;
    (void) in_len;
    const char *message = "price is negative";
    size_t length = strlen(message) < out_cap ? strlen(message) : out_cap;
    memcpy(out_buf, message, length);
    *out_len = length;
    return 7;
}

int32_t fails_silently(const char *in_json, size_t in_len, char *out_buf, size_t out_cap, size_t *out_len) {
    (void) in_json;
    (void) in_len;
    (void) out_buf;
    (void) out_cap;
    *out_len = 0;
    return 3;
}

/* Returns {"pad":"xxx..."} with 10000 x, so a default 4096-byte buffer needs one retry. */
int32_t large_output(const char *in_json, size_t in_len, char *out_buf, size_t out_cap, size_t *out_len) {
    (void) in_json;
    (void) in_len;
    const size_t pad = 10000;
    size_t needed = pad + strlen("{\"pad\":\"\"}");
    *out_len = needed;
    if (needed > out_cap) {
        return 1;
    }
    size_t at = 0;
    memcpy(out_buf + at, "{\"pad\":\"", 8);
    at += 8;
    memset(out_buf + at, 'x', pad);
    at += pad;
    memcpy(out_buf + at, "\"}", 2);
    return 0;
}

/* Claims the buffer is too small without asking for more room. */
int32_t wrong_size_request(const char *in_json, size_t in_len, char *out_buf, size_t out_cap, size_t *out_len) {
    (void) in_json;
    (void) in_len;
    (void) out_buf;
    *out_len = out_cap;
    return 1;
}

int32_t returns_null(const char *in_json, size_t in_len, char *out_buf, size_t out_cap, size_t *out_len) {
    (void) in_json;
    (void) in_len;
    (void) out_cap;
    memcpy(out_buf, "null", 4);
    *out_len = 4;
    return 0;
}

int32_t returns_array(const char *in_json, size_t in_len, char *out_buf, size_t out_cap, size_t *out_len) {
    (void) in_json;
    (void) in_len;
    (void) out_cap;
    memcpy(out_buf, "[1,2]", 5);
    *out_len = 5;
    return 0;
}

int32_t returns_garbage(const char *in_json, size_t in_len, char *out_buf, size_t out_cap, size_t *out_len) {
    (void) in_json;
    (void) in_len;
    (void) out_cap;
    memcpy(out_buf, "{oops", 5);
    *out_len = 5;
    return 0;
}

/* Echoes the input, so a test sees exactly the JSON the calculator sent and its NUL terminator. */
int32_t echo_input(const char *in_json, size_t in_len, char *out_buf, size_t out_cap, size_t *out_len) {
    char result[512];
    int length = snprintf(result, sizeof result, "{\"seen\":%.*s,\"terminated\":%s}", (int) in_len, in_json,
                          in_json[in_len] == '\0' ? "true" : "false");
    *out_len = (size_t) length;
    if ((size_t) length > out_cap) {
        return 1;
    }
    memcpy(out_buf, result, (size_t) length);
    return 0;
}

int32_t numeric_fails(const double *const *inputs, size_t n_inputs, double *const *outputs, size_t n_outputs,
                      size_t rows) {
    (void) inputs;
    (void) n_inputs;
    (void) outputs;
    (void) n_outputs;
    (void) rows;
    return 5;
}

/* out[0] = in[0] * in[1]; out[1] is left unwritten. */
int32_t numeric_product_skip_second(const double *const *inputs, size_t n_inputs, double *const *outputs,
                                    size_t n_outputs, size_t rows) {
    if (n_inputs != 2 || n_outputs != 2) {
        return 2;
    }
    for (size_t row = 0; row < rows; row++) {
        outputs[0][row] = inputs[0][row] * inputs[1][row];
    }
    return 0;
}
