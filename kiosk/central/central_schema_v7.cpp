// central_schema_v7.cpp: version 7 of the central schema (central_schema.h): a box that was given
// its own kiosk id says so, so that the id it used before stops counting it as a second box.
//
// kiosk_database.renamed_to, renamed_at: the kiosk id a database went on under after it synced as
// this row's kiosk_id (the README's "give the second box its own id" after both synced with one
// id), and when the server heard it. Set only by leergang_database_renamed(old_kiosk, old_epoch),
// called at every push by the renamed box under its new role for each id it had before
// (central_sync.h, rule 13): SECURITY DEFINER, because a kiosk reads and stamps only its own id's
// rows (version 6, R14). It changes nothing but those two columns of one row of another id, once.
// The duplicate check (central_peer.cpp, stampDatabase) leaves a renamed row out only while that
// database has not been in contact under the old id since the mark: an epoch is no secret (a kiosk
// reads origin_epoch of its cohorts' events, and databases made before issue 27 have 0), so a
// kiosk role can mark another id's database, but a database that goes on syncing under that id is
// counted again at its next contact. At worst a mark hides a database that no longer syncs.
#include "central_schema.h"

namespace kiosk {

std::string centralMigrationV7() {
    return R"sql(
ALTER TABLE kiosk_database ADD COLUMN renamed_to text CHECK (char_length(renamed_to) <= 50);
ALTER TABLE kiosk_database ADD COLUMN renamed_at timestamptz;
CREATE FUNCTION leergang_database_renamed(old_kiosk text, old_epoch bigint) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
    me text := public.leergang_my_kiosk();
BEGIN
    IF me IS NULL OR old_kiosk = me THEN RETURN false; END IF;
    UPDATE public.kiosk_database SET renamed_to = me, renamed_at = now()
     WHERE kiosk_id = old_kiosk AND origin_epoch = old_epoch AND renamed_to IS NULL;
    RETURN FOUND;
END $$;
REVOKE ALL ON FUNCTION leergang_database_renamed(text, bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION leergang_database_renamed(text, bigint) TO leergang_kiosks;
)sql";
}

}  // namespace kiosk
