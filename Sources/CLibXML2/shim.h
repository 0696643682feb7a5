// libxml2's pull parser (Debian libxml2-dev, header libxml/xmlreader.h, library -lxml2), as one
// Clang module: the XML parts of a workbook are read with xmlTextReader. And zlib (Debian
// zlib1g-dev), which inflates the parts within their declared sizes.
//
// Debian builds libxml2 with ICU, and its encoding.h then includes the system's ICU headers, which
// clash with the ICU that Foundation brings (`_FoundationICU`) in any module that sees both. cora
// uses none of libxml2's encoding handlers (parts are UTF-8), so the ICU part is left out here.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/xmlreader.h>
#include <zlib.h>
