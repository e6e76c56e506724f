package cn.changjiang.mining.jurisdiction;

/** Level of a jurisdiction: 省, 市, 区/县, 乡镇 (schema enum {@code JurisdictionLevel}). */
public enum JurisdictionLevel {
    PROVINCE, CITY, DISTRICT, TOWNSHIP
}
