-- Search keys, directory consent and open data (issue 5). Written by the search work.
SELECT 1;
