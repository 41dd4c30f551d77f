-- The job repository of WildFly's batch subsystem (JBeret, 04-batch.cli: jdbc-job-repository on PreauDS).
-- JBeret creates these tables itself on first use when they are missing, but the portal's role may not create
-- tables any more (V85, docs/adr/0071): they are created here, by the owner, with JBeret 3.1's own
-- PostgreSQL DDL (sql/jberet-postgresql.ddl in jberet-core). A database where JBeret already made them keeps them.
create table if not exists job_instance (
    jobinstanceid    bigserial not null primary key,
    version          integer,
    jobname          varchar(512),
    applicationname  varchar(512)
);

create table if not exists job_execution (
    jobexecutionid   bigserial not null primary key,
    jobinstanceid    bigint    not null,
    version          integer,
    createtime       timestamptz,
    starttime        timestamptz,
    endtime          timestamptz,
    lastupdatedtime  timestamptz,
    batchstatus      varchar(30),
    exitstatus       varchar(512),
    jobparameters    varchar(3000),
    restartposition  varchar(255),
    constraint fk_job_execution_job_instance foreign key (jobinstanceid)
        references job_instance (jobinstanceid) on delete cascade
);

create table if not exists step_execution (
    stepexecutionid       bigserial not null primary key,
    jobexecutionid        bigint    not null,
    version               integer,
    stepname              varchar(255),
    starttime             timestamptz,
    endtime               timestamptz,
    batchstatus           varchar(30),
    exitstatus            varchar(512),
    executionexception    varchar(2048),
    persistentuserdata    bytea,
    readcount             integer,
    writecount            integer,
    commitcount           integer,
    rollbackcount         integer,
    readskipcount         integer,
    processskipcount      integer,
    filtercount           integer,
    writeskipcount        integer,
    readercheckpointinfo  bytea,
    writercheckpointinfo  bytea,
    constraint fk_step_exe_job_exe foreign key (jobexecutionid)
        references job_execution (jobexecutionid) on delete cascade
);

create table if not exists partition_execution (
    partitionexecutionid  integer not null,
    stepexecutionid       bigint  not null,
    version               integer,
    batchstatus           varchar(30),
    exitstatus            varchar(512),
    executionexception    varchar(2048),
    persistentuserdata    bytea,
    readercheckpointinfo  bytea,
    writercheckpointinfo  bytea,
    primary key (partitionexecutionid, stepexecutionid),
    constraint fk_partition_exe_step_exe foreign key (stepexecutionid)
        references step_execution (stepexecutionid) on delete cascade
);
