// central_api.h: libpq for the central server, through the `central` module (optional_libraries.h).
// Include this instead of <libpq-fe.h>; the PQ functions below are then members of pq().
#pragma once

#include <libpq-fe.h>

#include "optional/optional_libraries.h"

#define KIOSK_CENTRAL_FUNCTIONS(X)                                                                   \
    X(PQconnectdbParams) X(PQstatus) X(PQfinish) X(PQerrorMessage) X(PQsocket) X(PQuser)             \
    X(PQconninfoParse) X(PQconninfoFree) X(PQfreemem) X(PQexec) X(PQexecParams) X(PQsendQueryParams) \
    X(PQgetResult) X(PQconsumeInput) X(PQnotifies) X(PQclear) X(PQresultStatus)                      \
    X(PQresultErrorMessage) X(PQresultErrorField) X(PQntuples) X(PQnfields) X(PQgetvalue)            \
    X(PQgetlength) X(PQgetisnull) X(PQcmdTuples) X(PQescapeLiteral) X(PQescapeIdentifier)            \
    X(PQencryptPasswordConn)

namespace kiosk::optional {
struct CentralTable {
    std::size_t size;
    KIOSK_CENTRAL_FUNCTIONS(KIOSK_OPTIONAL_MEMBER)
};
const CentralTable& pq();
}  // namespace kiosk::optional

// Returns the table as const void*: the loader calls it through `const void* (*)()` (a call through
// another function type is undefined, and UBSan's -fsanitize=function stops it).
KIOSK_OPTIONAL_EXPORT const void* leergang_kiosk_central_table();

#ifndef KIOSK_OPTIONAL_TABLE_SOURCE
#define PQconnectdbParams (::kiosk::optional::pq().PQconnectdbParams)
#define PQstatus (::kiosk::optional::pq().PQstatus)
#define PQfinish (::kiosk::optional::pq().PQfinish)
#define PQerrorMessage (::kiosk::optional::pq().PQerrorMessage)
#define PQsocket (::kiosk::optional::pq().PQsocket)
#define PQuser (::kiosk::optional::pq().PQuser)
#define PQconninfoParse (::kiosk::optional::pq().PQconninfoParse)
#define PQconninfoFree (::kiosk::optional::pq().PQconninfoFree)
#define PQfreemem (::kiosk::optional::pq().PQfreemem)
#define PQexec (::kiosk::optional::pq().PQexec)
#define PQexecParams (::kiosk::optional::pq().PQexecParams)
#define PQsendQueryParams (::kiosk::optional::pq().PQsendQueryParams)
#define PQgetResult (::kiosk::optional::pq().PQgetResult)
#define PQconsumeInput (::kiosk::optional::pq().PQconsumeInput)
#define PQnotifies (::kiosk::optional::pq().PQnotifies)
#define PQclear (::kiosk::optional::pq().PQclear)
#define PQresultStatus (::kiosk::optional::pq().PQresultStatus)
#define PQresultErrorMessage (::kiosk::optional::pq().PQresultErrorMessage)
#define PQresultErrorField (::kiosk::optional::pq().PQresultErrorField)
#define PQntuples (::kiosk::optional::pq().PQntuples)
#define PQnfields (::kiosk::optional::pq().PQnfields)
#define PQgetvalue (::kiosk::optional::pq().PQgetvalue)
#define PQgetlength (::kiosk::optional::pq().PQgetlength)
#define PQgetisnull (::kiosk::optional::pq().PQgetisnull)
#define PQcmdTuples (::kiosk::optional::pq().PQcmdTuples)
#define PQescapeLiteral (::kiosk::optional::pq().PQescapeLiteral)
#define PQescapeIdentifier (::kiosk::optional::pq().PQescapeIdentifier)
#define PQencryptPasswordConn (::kiosk::optional::pq().PQencryptPasswordConn)
#endif
