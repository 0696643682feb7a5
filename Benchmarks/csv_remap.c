/*
 * csv_remap: the excel-nl column remap in plain C on libcsv: the "practical ceiling" for
 * `cora convert FILE --mapping excel-nl --to csv`.
 *
 * It does what a hand-written converter for exactly this layout would do, and nothing more:
 *
 *   - reads the file in 64 KiB chunks and parses it with libcsv, with the options cora's reader uses
 *     (CSV_STRICT | CSV_REPALL_NL | CSV_STRICT_FINI, whitespace kept, 1 MiB entry blocks), like
 *     csv_count.c; records with no field (blank lines, the LF of a CRLF) are skipped
 *   - finds the source columns by header name (case-insensitive, the first name of each field in
 *     Mappings/excel-nl.yaml: Procescode, Procesnaam, Soort, Procesgroep, Bovenliggend proces, …)
 *   - writes the 15 canonical columns (id, code, name, level, category, parent, order, owner,
 *     function, services, events, applications, next, status, description, requirements, steers,
 *     reports-to, pdca-phase: canonical layout 2, the last four empty here) followed by every source
 *     column not used (the properties, e.g. Opmerking), as cora does
 *   - per cell: trims spaces and tabs; the name's inner whitespace runs become one space; id = code;
 *     level and category through value maps (strcasecmp on the Dutch words); services and
 *     applications split on their separators, trimmed and joined with '|'
 *   - writes ',' and LF, quoting only a field that holds ',', '"', CR or LF or starts or ends with a
 *     space or tab (csv_fwrite for those), as cora's canonical CSV does
 *   - a row whose Soort or Procesgroep is not in the value maps is left out and counted (exit 1)
 *
 * What it does NOT do (cora does): encoding detection (UTF-8 is assumed), delimiter sniffing (';' is
 * given), id derivation (the code is copied), parent resolution (the parent code is copied: in this
 * layout ids are the codes), inheriting a category from the parent, levels by depth, prefix/suffix
 * stripping, and every validation rule (duplicates, unknown parents, cycles, nesting, mojibake, …).
 *
 * Build: cc -O2 -o csv_remap csv_remap.c -lcsv
 * Usage: csv_remap [-d DELIM] [-o OUT] [FILE]   (DELIM default ';'; OUT and FILE default stdout/stdin)
 * Prints "rows=N rejected=M" on standard error.
 * Exit status: 0 on success, 1 on a parse or I/O error or a rejected row, 2 on a usage error.
 */
#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#define CHUNK_SIZE (64 * 1024)
#define BLOCK_SIZE (1024 * 1024)
#define OUT_BUFFER (1024 * 1024)

enum { F_ID, F_CODE, F_NAME, F_LEVEL, F_CATEGORY, F_PARENT, F_ORDER, F_OWNER, F_FUNCTION, F_SERVICES,
       F_EVENTS, F_APPLICATIONS, F_NEXT, F_STATUS, F_DESCRIPTION, F_REQUIREMENTS, F_STEERS, F_REPORTS_TO,
       F_PDCA_PHASE, F_COUNT };

static const char *const CANONICAL[F_COUNT] = {
    "id", "code", "name", "level", "category", "parent", "order", "owner", "function", "services",
    "events", "applications", "next", "status", "description", "requirements", "steers", "reports-to",
    "pdca-phase"};

/* The source header of each canonical field (NULL: not taken from a column). */
static const char *const SOURCE[F_COUNT] = {
    NULL, "Procescode", "Procesnaam", "Soort", "Procesgroep", "Bovenliggend proces", "Volgorde",
    "Proceseigenaar", "Bedrijfsfunctie", "Levert dienst", "Trigger", "Applicaties", "Volgend proces",
    "Status", "Omschrijving", NULL, NULL, NULL, NULL};

struct value_map { const char *from; const char *to; };

static const struct value_map LEVELS[] = {
    {"bedrijfsproces", "business-process"}, {"werkproces", "work-process"},
    {"processtap", "process-step"}, {"procesketen", "process-chain"},
    {"stuurscenario", "steering-scenario"}, {"bp", "business-process"}, {"wp", "work-process"},
    {"hoofdproces", "business-process"}, {"deelproces", "work-process"}, {"stap", "process-step"},
    {NULL, NULL}};

static const struct value_map CATEGORIES[] = {
    {"sturend", "steering"}, {"primair", "primary"}, {"ondersteunend", "supporting"}, {NULL, NULL}};

struct field { size_t start; size_t length; };

struct state {
    char *arena;          /* the bytes of the current record's fields */
    size_t arena_used, arena_capacity;
    struct field *fields; /* the current record's fields */
    size_t field_count, field_capacity;
    int header_done;
    int source_column[F_COUNT]; /* column index per canonical field, -1 when absent */
    int *property_columns;      /* the columns no field uses, in file order */
    size_t property_count;
    FILE *out;
    char *scratch;
    size_t scratch_capacity;
    unsigned long long rows, rejected;
};

static void *grow(void *pointer, size_t size) {
    void *result = realloc(pointer, size);
    if (result == NULL) {
        fprintf(stderr, "csv_remap: out of memory\n");
        exit(1);
    }
    return result;
}

static void on_field(void *data, size_t length, void *context) {
    struct state *s = context;
    if (s->field_count == s->field_capacity) {
        s->field_capacity = s->field_capacity ? 2 * s->field_capacity : 32;
        s->fields = grow(s->fields, s->field_capacity * sizeof *s->fields);
    }
    if (s->arena_used + length > s->arena_capacity) {
        while (s->arena_used + length > s->arena_capacity) {
            s->arena_capacity = s->arena_capacity ? 2 * s->arena_capacity : 4096;
        }
        s->arena = grow(s->arena, s->arena_capacity);
    }
    if (length > 0) {
        memcpy(s->arena + s->arena_used, data, length);
    }
    s->fields[s->field_count].start = s->arena_used;
    s->fields[s->field_count].length = length;
    s->field_count++;
    s->arena_used += length;
}

static int is_blank(char c) { return c == ' ' || c == '\t'; }

/* The cell of `column` in the current record, trimmed of spaces and tabs. */
static const char *cell(const struct state *s, int column, size_t *length) {
    if (column < 0 || (size_t)column >= s->field_count) {
        *length = 0;
        return "";
    }
    const char *start = s->arena + s->fields[column].start;
    size_t n = s->fields[column].length;
    while (n > 0 && is_blank(*start)) { start++; n--; }
    while (n > 0 && is_blank(start[n - 1])) { n--; }
    *length = n;
    return start;
}

static char *scratch(struct state *s, size_t size) {
    if (size > s->scratch_capacity) {
        s->scratch_capacity = size;
        s->scratch = grow(s->scratch, size);
    }
    return s->scratch;
}

static void write_field(struct state *s, const char *text, size_t length, int first) {
    if (!first) {
        putc_unlocked(',', s->out);
    }
    if (length == 0) {
        return;
    }
    int quote = is_blank(text[0]) || is_blank(text[length - 1]);
    for (size_t i = 0; i < length && !quote; i++) {
        char c = text[i];
        quote = c == ',' || c == '"' || c == '\n' || c == '\r';
    }
    if (quote) {
        csv_fwrite(s->out, text, length);
    } else {
        fwrite_unlocked(text, 1, length, s->out);
    }
}

/* Splits text on any byte of `separators`, trims each part of whitespace, drops empty parts and joins
 * the rest with '|' into the scratch buffer. */
static const char *split_join(struct state *s, const char *text, size_t length, const char *separators,
                              size_t *result_length) {
    char *out = scratch(s, length + 1);
    size_t used = 0;
    size_t i = 0;
    while (i <= length) {
        size_t start = i;
        while (i < length && strchr(separators, text[i]) == NULL) { i++; }
        size_t end = i;
        while (start < end && (is_blank(text[start]) || text[start] == '\r' || text[start] == '\n')) { start++; }
        while (end > start && (is_blank(text[end - 1]) || text[end - 1] == '\r' || text[end - 1] == '\n')) { end--; }
        if (end > start) {
            if (used > 0) { out[used++] = '|'; }
            memcpy(out + used, text + start, end - start);
            used += end - start;
        }
        i++;
    }
    *result_length = used;
    return out;
}

/* The name with every run of whitespace (space, tab, CR, LF) made one space. */
static const char *collapse(struct state *s, const char *text, size_t length, size_t *result_length) {
    char *out = scratch(s, length + 1);
    size_t used = 0;
    int in_space = 0;
    for (size_t i = 0; i < length; i++) {
        char c = text[i];
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            in_space = 1;
            continue;
        }
        if (in_space && used > 0) { out[used++] = ' '; }
        in_space = 0;
        out[used++] = c;
    }
    *result_length = used;
    return out;
}

static const char *map_value(const struct value_map *map, const char *text, size_t length) {
    char key[64];
    if (length == 0) { return ""; }
    if (length >= sizeof key) { return NULL; }
    memcpy(key, text, length);
    key[length] = '\0';
    for (const struct value_map *entry = map; entry->from != NULL; entry++) {
        if (strcasecmp(key, entry->from) == 0) { return entry->to; }
    }
    return NULL;
}

static void header(struct state *s) {
    int used[4096] = {0};
    if (s->field_count > 4096) {
        fprintf(stderr, "csv_remap: more than 4096 columns\n");
        exit(1);
    }
    for (int f = 0; f < F_COUNT; f++) {
        s->source_column[f] = -1;
        if (SOURCE[f] == NULL) { continue; }
        for (size_t c = 0; c < s->field_count; c++) {
            size_t length;
            const char *name = cell(s, (int)c, &length);
            if (c == 0 && length >= 3 && memcmp(name, "\xEF\xBB\xBF", 3) == 0) { name += 3; length -= 3; }
            if (!used[c] && strlen(SOURCE[f]) == length && strncasecmp(name, SOURCE[f], length) == 0) {
                s->source_column[f] = (int)c;
                used[c] = 1;
                break;
            }
        }
    }
    s->source_column[F_ID] = s->source_column[F_CODE];
    s->property_columns = grow(NULL, (s->field_count + 1) * sizeof *s->property_columns);
    for (int f = 0; f < F_COUNT; f++) {
        write_field(s, CANONICAL[f], strlen(CANONICAL[f]), f == 0);
    }
    for (size_t c = 0; c < s->field_count; c++) {
        if (used[c]) { continue; }
        s->property_columns[s->property_count++] = (int)c;
        size_t length;
        const char *name = cell(s, (int)c, &length);
        write_field(s, name, length, 0);
    }
    putc_unlocked('\n', s->out);
}

static void row(struct state *s) {
    size_t length;
    const char *text;
    text = cell(s, s->source_column[F_LEVEL], &length);
    const char *level = map_value(LEVELS, text, length);
    text = cell(s, s->source_column[F_CATEGORY], &length);
    const char *category = map_value(CATEGORIES, text, length);
    s->rows++;
    if (level == NULL || category == NULL) {
        s->rejected++;
        return;
    }
    for (int f = 0; f < F_COUNT; f++) {
        text = cell(s, s->source_column[f], &length);
        switch (f) {
        case F_LEVEL: text = level; length = strlen(level); break;
        case F_CATEGORY: text = category; length = strlen(category); break;
        case F_NAME: text = collapse(s, text, length, &length); break;
        case F_SERVICES: case F_EVENTS: text = split_join(s, text, length, ";\n", &length); break;
        case F_APPLICATIONS: case F_NEXT: text = split_join(s, text, length, ",;\n", &length); break;
        default: break;
        }
        write_field(s, text, length, f == 0);
    }
    for (size_t p = 0; p < s->property_count; p++) {
        text = cell(s, s->property_columns[p], &length);
        write_field(s, text, length, 0);
    }
    putc_unlocked('\n', s->out);
}

static void on_record_end(int terminator, void *context) {
    (void)terminator;
    struct state *s = context;
    if (s->field_count > 0) {
        if (s->header_done) {
            row(s);
        } else {
            header(s);
            s->header_done = 1;
        }
    }
    s->field_count = 0;
    s->arena_used = 0;
}

static int keep_whitespace(unsigned char c) {
    (void)c;
    return 0;
}

static int usage(const char *program) {
    fprintf(stderr, "usage: %s [-d DELIM] [-o OUT] [FILE]\n", program);
    return 2;
}

int main(int argc, char **argv) {
    unsigned char delimiter = ';';
    const char *out_path = "-";
    int opt;
    while ((opt = getopt(argc, argv, "d:o:")) != -1) {
        if (opt == 'o') {
            out_path = optarg;
        } else if (opt == 'd' && strlen(optarg) == 1) {
            delimiter = (unsigned char)optarg[0];
        } else if (opt == 'd' && strcmp(optarg, "\\t") == 0) {
            delimiter = '\t';
        } else {
            return usage(argv[0]);
        }
    }
    if (argc - optind > 1) {
        return usage(argv[0]);
    }
    const char *path = optind < argc ? argv[optind] : "-";
    int fd = strcmp(path, "-") == 0 ? STDIN_FILENO : open(path, O_RDONLY);
    if (fd < 0) {
        fprintf(stderr, "%s: %s: %s\n", argv[0], path, strerror(errno));
        return 1;
    }
    struct state s;
    memset(&s, 0, sizeof s);
    s.out = strcmp(out_path, "-") == 0 ? stdout : fopen(out_path, "wb");
    if (s.out == NULL) {
        fprintf(stderr, "%s: %s: %s\n", argv[0], out_path, strerror(errno));
        return 1;
    }
    setvbuf(s.out, NULL, _IOFBF, OUT_BUFFER);

    struct csv_parser parser;
    if (csv_init(&parser, CSV_STRICT | CSV_REPALL_NL | CSV_STRICT_FINI) != 0) {
        fprintf(stderr, "%s: csv_init failed\n", argv[0]);
        return 1;
    }
    csv_set_delim(&parser, delimiter);
    csv_set_space_func(&parser, keep_whitespace);
    csv_set_blk_size(&parser, BLOCK_SIZE);

    static char buffer[CHUNK_SIZE];
    unsigned long long offset = 0;
    int status = 0;
    for (;;) {
        ssize_t n = read(fd, buffer, sizeof buffer);
        if (n < 0) {
            if (errno == EINTR) { continue; }
            fprintf(stderr, "%s: %s: %s\n", argv[0], path, strerror(errno));
            status = 1;
            break;
        }
        if (n == 0) { break; }
        size_t parsed = csv_parse(&parser, buffer, (size_t)n, on_field, on_record_end, &s);
        if (parsed != (size_t)n) {
            fprintf(stderr, "%s: %s: byte %llu: %s\n", argv[0], path, offset + parsed,
                    csv_strerror(csv_error(&parser)));
            status = 1;
            break;
        }
        offset += (unsigned long long)n;
    }
    if (status == 0 && csv_fini(&parser, on_field, on_record_end, &s) != 0) {
        fprintf(stderr, "%s: %s: unterminated quoted field at end of input\n", argv[0], path);
        status = 1;
    }
    csv_free(&parser);
    if (fd != STDIN_FILENO) { close(fd); }
    if (fflush(s.out) != 0 || (s.out != stdout && fclose(s.out) != 0)) {
        fprintf(stderr, "%s: %s: %s\n", argv[0], out_path, strerror(errno));
        status = 1;
    }
    fprintf(stderr, "rows=%llu rejected=%llu\n", s.rows, s.rejected);
    if (status == 0 && s.rejected > 0) { status = 1; }
    return status;
}
