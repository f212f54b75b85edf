import { attendanceSheet } from './attendance-sheet';
import { recordAttendance } from './attendance-record';

/** 考勤 (class teacher of the class): registered in function.ts with one spread. */
export const attendanceActions = { attendanceSheet, recordAttendance };
