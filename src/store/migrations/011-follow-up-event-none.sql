-- A follow-up event's old or new value is the time in Unix seconds. "None"
-- was written as 0, which is also a real time; it is now the empty string.
UPDATE complaint_events SET old_value = '' WHERE kind = 'follow_up' AND old_value = '0';
UPDATE complaint_events SET new_value = '' WHERE kind = 'follow_up' AND new_value = '0';
