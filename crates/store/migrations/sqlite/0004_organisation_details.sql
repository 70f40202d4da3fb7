-- Organisations get names in several languages (the primary name's language and a
-- JSON object of names in the interface languages), focus areas and working
-- languages. Lists are stored as ';a;b;' so that one LIKE '%;a;%' filters them.
-- Focus areas are the coalition's own editable list.

ALTER TABLE organisations ADD COLUMN name_lang TEXT NOT NULL DEFAULT 'en';
ALTER TABLE organisations ADD COLUMN names TEXT NOT NULL DEFAULT '{}';
ALTER TABLE organisations ADD COLUMN focus_areas TEXT NOT NULL DEFAULT '';
ALTER TABLE organisations ADD COLUMN languages TEXT NOT NULL DEFAULT '';

CREATE TABLE focus_areas (
    code       TEXT PRIMARY KEY,
    name_ar    TEXT,
    name_en    TEXT NOT NULL,
    name_fr    TEXT,
    name_es    TEXT,
    created_at BIGINT NOT NULL
);

INSERT INTO focus_areas (code, name_ar, name_en, name_fr, name_es, created_at) VALUES
    ('media', 'الإعلام', 'Media', 'Médias', 'Medios', 0),
    ('legal', 'العمل القانوني', 'Legal', 'Juridique', 'Jurídico', 0),
    ('economic', 'العمل الاقتصادي', 'Economic', 'Économique', 'Económico', 0),
    ('grassroots', 'العمل القاعدي', 'Grassroots', 'Action de terrain', 'Movimientos de base', 0),
    ('academic', 'العمل الأكاديمي', 'Academic', 'Académique', 'Académico', 0),
    ('cultural', 'الثقافة', 'Cultural', 'Culturel', 'Cultural', 0),
    ('feminist', 'العمل النسوي', 'Feminist', 'Féministe', 'Feminista', 0),
    ('labour', 'العمل النقابي', 'Labour', 'Syndical', 'Laboral', 0),
    ('health', 'الصحة', 'Health', 'Santé', 'Salud', 0),
    ('faith', 'العمل الديني', 'Faith', 'Religieux', 'Religioso', 0);
