// libxml2's pull parser (Debian libxml2-dev, header libxml/xmlreader.h, library -lxml2), as one
// Clang module: the XML parts of a workbook are read with xmlTextReader. And zlib (Debian
// zlib1g-dev), which inflates the parts within their declared sizes.
#include <libxml/xmlreader.h>
#include <zlib.h>
