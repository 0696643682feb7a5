// libxml2's pull parser (Debian libxml2-dev, header libxml/xmlreader.h, library -lxml2), as one
// Clang module: the XML parts of a workbook are read with xmlTextReader.
#include <libxml/xmlreader.h>
