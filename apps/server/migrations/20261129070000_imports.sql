-- Imports of the chambers' legacy lists (issue 5). Written by the import work.
SELECT 1;
