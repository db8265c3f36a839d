// central_table.cpp: the `central` table (central_api.h). Compiled twice: into the module central.so,
// which links libpq, and with KIOSK_OPTIONAL_DIRECT into kiosk_optional_direct_central for tests.
#define KIOSK_OPTIONAL_TABLE_SOURCE
#include "central_api.h"

KIOSK_OPTIONAL_EXPORT const void* leergang_kiosk_central_table() {
    static const kiosk::optional::CentralTable table{sizeof(kiosk::optional::CentralTable),
                                                     KIOSK_CENTRAL_FUNCTIONS(KIOSK_OPTIONAL_ADDRESS)};
    return &table;
}

#ifdef KIOSK_OPTIONAL_DIRECT
const kiosk::optional::CentralTable& kiosk::optional::pq() {
    return *static_cast<const kiosk::optional::CentralTable*>(leergang_kiosk_central_table());
}
#endif
