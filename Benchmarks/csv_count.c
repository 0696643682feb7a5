/*
 * csv_count: count the records and fields of a CSV file with libcsv, and nothing else.
 *
 * This is the "practical ceiling" baseline for cora's CSV reader: the same parser (libcsv) with the
 * same options cora uses, driven from C with no per-field work beyond a counter.
 *
 *   - reads the file in 64 KiB chunks with read(2)
 *   - options CSV_STRICT | CSV_REPALL_NL | CSV_STRICT_FINI, spaces and tabs kept (space func returns 0),
 *     entry buffer grown in 1 MiB blocks
 *   - prints "records=N fields=M"; a record is a row with at least one field, so blank lines
 *     (and the extra end-of-row call for the LF of a CRLF under CSV_REPALL_NL) do not count
 *
 * Build: cc -O2 -o csv_count csv_count.c -lcsv
 * Usage: csv_count [-d DELIM] [FILE]      (DELIM one character, default ','; "\t" for tab;
 *                                          FILE default standard input)
 * Exit status: 0 on success, 1 on a parse or I/O error, 2 on a usage error.
 */
#include <csv.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define CHUNK_SIZE (64 * 1024)
#define BLOCK_SIZE (1024 * 1024)

struct counts {
    unsigned long long records;
    unsigned long long fields;
    unsigned long long fields_in_record;
};

static void on_field(void *field, size_t length, void *context) {
    (void)field;
    (void)length;
    struct counts *counts = context;
    counts->fields++;
    counts->fields_in_record++;
}

static void on_record_end(int terminator, void *context) {
    (void)terminator;
    struct counts *counts = context;
    if (counts->fields_in_record > 0) {
        counts->records++;
    }
    counts->fields_in_record = 0;
}

static int keep_whitespace(unsigned char c) {
    (void)c;
    return 0;
}

static int usage(const char *program) {
    fprintf(stderr, "usage: %s [-d DELIM] [FILE]\n", program);
    return 2;
}

int main(int argc, char **argv) {
    unsigned char delimiter = ',';
    int opt;
    while ((opt = getopt(argc, argv, "d:")) != -1) {
        if (opt != 'd') {
            return usage(argv[0]);
        }
        if (strcmp(optarg, "\\t") == 0) {
            delimiter = '\t';
        } else if (strlen(optarg) == 1) {
            delimiter = (unsigned char)optarg[0];
        } else {
            fprintf(stderr, "%s: the delimiter must be one character\n", argv[0]);
            return 2;
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

    struct csv_parser parser;
    if (csv_init(&parser, CSV_STRICT | CSV_REPALL_NL | CSV_STRICT_FINI) != 0) {
        fprintf(stderr, "%s: csv_init failed\n", argv[0]);
        return 1;
    }
    csv_set_delim(&parser, delimiter);
    csv_set_space_func(&parser, keep_whitespace);
    csv_set_blk_size(&parser, BLOCK_SIZE);

    struct counts counts = {0, 0, 0};
    static char buffer[CHUNK_SIZE];
    unsigned long long offset = 0;
    int status = 0;
    for (;;) {
        ssize_t n = read(fd, buffer, sizeof buffer);
        if (n < 0) {
            if (errno == EINTR) {
                continue;
            }
            fprintf(stderr, "%s: %s: %s\n", argv[0], path, strerror(errno));
            status = 1;
            break;
        }
        if (n == 0) {
            break;
        }
        size_t parsed = csv_parse(&parser, buffer, (size_t)n, on_field, on_record_end, &counts);
        if (parsed != (size_t)n) {
            fprintf(stderr, "%s: %s: byte %llu: %s\n", argv[0], path, offset + parsed,
                    csv_strerror(csv_error(&parser)));
            status = 1;
            break;
        }
        offset += (unsigned long long)n;
    }
    if (status == 0 && csv_fini(&parser, on_field, on_record_end, &counts) != 0) {
        fprintf(stderr, "%s: %s: unterminated quoted field at end of input\n", argv[0], path);
        status = 1;
    }
    csv_free(&parser);
    if (fd != STDIN_FILENO) {
        close(fd);
    }
    if (status == 0) {
        printf("records=%llu fields=%llu\n", counts.records, counts.fields);
    }
    return status;
}
