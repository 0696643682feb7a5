// The libcsv API (Debian libcsv-dev, header csv.h, library -lcsv), as one Clang module.
#include <csv.h>
