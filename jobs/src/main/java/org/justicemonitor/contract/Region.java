package org.justicemonitor.contract;

/** One first-level region of the reference table. */
public record Region(
    String code,
    String nameEn,
    String nameRu,
    String nameKk,
    String group,
    long population,
    double internetUsersShare) {}
