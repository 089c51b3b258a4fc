-- Each network's rules for turning a return's evidence into a suggested status (networks/StatusRules): an indicator
-- is Green within green_within_percent of its target, Amber within amber_within_percent, Red beyond. Existing
-- networks take the documented defaults.
ALTER TABLE network ADD COLUMN green_within_percent DECIMAL(5,2) NOT NULL DEFAULT 0;
ALTER TABLE network ADD COLUMN amber_within_percent DECIMAL(5,2) NOT NULL DEFAULT 5;

-- The status the evidence suggested when the judge judged, with its reasons (one per line), beside the judgement.
-- Null for returns judged before suggestions, and for those whose evidence suggested nothing.
ALTER TABLE plan_return ADD COLUMN suggested_status VARCHAR(10);
ALTER TABLE plan_return ADD COLUMN suggestion_reasons TEXT;

-- The indicator's value before the one reported, as the series held it when the update was submitted: the
-- direction of travel the judge saw.
ALTER TABLE return_indicator ADD COLUMN previous_period VARCHAR(12);
ALTER TABLE return_indicator ADD COLUMN previous_value VARCHAR(500);
