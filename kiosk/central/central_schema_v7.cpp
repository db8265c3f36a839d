// central_schema_v7.cpp: version 7 of the central schema (central_schema.h): a box that was given
// its own kiosk id says so, so that the id it used before stops counting it as a second box.
//
// kiosk_database.renamed_to: the kiosk id a database went on under after it synced as this row's
// kiosk_id (the README's "give the second box its own id" after both synced with one id). Set only
// by leergang_database_renamed(old_kiosk, old_epoch), called by the renamed box under its new role
// (central_sync.h, rule 13): SECURITY DEFINER, because a kiosk reads and stamps only its own id's
// rows (version 6, R14). It changes nothing but that one column of a row of another id, and only
// when the caller names that row's epoch: a random 63-bit number the caller can only know from
// its own database (no kiosk can read another id's rows). An attacker holding one kiosk's
// credentials can therefore at most silence the two-boxes warning of a database it once was; the
// duplicate check (central_peer.cpp, stampDatabase) leaves renamed rows out.
#include "central_schema.h"

namespace kiosk {

std::string centralMigrationV7() {
    return R"sql(
ALTER TABLE kiosk_database ADD COLUMN renamed_to text CHECK (char_length(renamed_to) <= 50);
CREATE FUNCTION leergang_database_renamed(old_kiosk text, old_epoch bigint) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    me text := public.leergang_my_kiosk();
BEGIN
    IF me IS NULL OR old_kiosk = me THEN RETURN false; END IF;
    UPDATE public.kiosk_database SET renamed_to = me
     WHERE kiosk_id = old_kiosk AND origin_epoch = old_epoch AND renamed_to IS NULL;
    RETURN FOUND;
END $$;
REVOKE ALL ON FUNCTION leergang_database_renamed(text, bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION leergang_database_renamed(text, bigint) TO leergang_kiosks;
)sql";
}

}  // namespace kiosk
