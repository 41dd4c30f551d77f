-- One row per nightly job and night that the scheduler started (issue 11, docs/adr/0091-…): the scheduler claims
-- the (job, night) pair before starting the job, so a job starts once a night even when the timer fires again, the
-- server restarts in the catch-up window or two servers share the database. Restarting or starting a job by hand
-- (jobs page) does not go through this table.
create table nightly_job_run (
    job_name      text        not null,
    night         date        not null,
    claimed_at    timestamptz not null default now(),
    -- JBeret's job_execution.jobexecutionid once the job is started.
    execution_id  bigint,
    primary key (job_name, night)
);
