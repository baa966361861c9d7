-- V25: win-back (客户挽回). A customer the churn rules flag gets one open win-back at a time, with a task for an agent;
-- it ends won back (the customer bought again, recorded or seen in the orders) or lost.
CREATE TABLE WIN_BACK (
  ID BIGINT NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  CUSTOMER_ID BIGINT NOT NULL REFERENCES CUSTOMER (ID),
  IDENTIFIED_ON DATE NOT NULL,
  REASONS VARCHAR(100) NOT NULL,
  CHURN_TYPE VARCHAR(20) NOT NULL,
  TASK_ID BIGINT,
  STATUS VARCHAR(10) NOT NULL,
  CLOSED_ON DATE,
  NOTE VARCHAR(400)
);
CREATE INDEX IX_WIN_BACK_CUSTOMER ON WIN_BACK (CUSTOMER_ID, STATUS);
