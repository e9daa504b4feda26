package org.justicemonitor.contract;

/** The declared types of the data contract. Inputs are read as text and parsed to these. */
public enum ColumnType {
  STRING,
  ENUM,
  DATE,
  TIMESTAMP,
  BOOLEAN,
  LONG
}
