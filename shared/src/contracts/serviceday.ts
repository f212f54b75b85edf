import {
  confirmShiftInput,
  gateSheetInput,
  recordHandoverInput,
  reportLeaveInput,
  schoolFlagsInput,
  serviceDaySettingsInput,
  serviceMonthInput,
} from '../serviceday/schemas';
import type { GateSheet, HandoverSaved, LeaveReport, SchoolFlags, ServiceDaySettings, ServiceMonth, ShiftHandoverView } from '../serviceday/types';
import { allow } from './access';
import { action, defineContract, returns } from './define';

const CLASS = '只有本班班主任或本校管理员可以办理';

/**
 * 服务日: leave, the hand-over at the gate, shift hand-overs and the children still waiting
 * (000 §四(五); 001 §六3; 003 §七3) (cloudfunctions/serviceday).
 */
export const servicedayContract = defineContract('serviceday', {
  // parents (and the class teacher and admin, who see the same record of the child)
  reportLeave: action({
    input: reportLeaveInput,
    access: allow(['guardian'], 'student', '只能为自己已绑定的孩子请假'),
    also: '只能为孩子参加课后服务的日子请假，不能为已经过去的日子请假',
    returns: returns<LeaveReport>(),
  }),
  getServiceMonth: action({
    input: serviceMonthInput,
    access: allow(['guardian', 'teacher', 'admin'], 'student', '只有孩子的监护人、班主任和学校管理员可以查看'),
    returns: returns<ServiceMonth>(),
  }),

  // the teacher on duty (class teacher) or the school's admin
  getGateSheet: action({ input: gateSheetInput, access: allow(['teacher', 'admin'], 'class', CLASS), returns: returns<GateSheet>() }),
  recordHandover: action({
    input: recordHandoverInput,
    access: allow(['teacher', 'admin'], 'class', CLASS),
    also: '只能记录当天；独自回家只适用于已签署独自回家证的孩子',
    returns: returns<HandoverSaved>(),
  }),
  confirmShiftHandover: action({ input: confirmShiftInput, access: allow(['teacher', 'admin'], 'class', CLASS), returns: returns<ShiftHandoverView>() }),

  // school admins
  listSchoolFlags: action({ input: schoolFlagsInput, access: allow(['admin'], 'school', '只有本校管理员可以查看'), returns: returns<SchoolFlags>() }),
  setServiceDaySettings: action({
    input: serviceDaySettingsInput,
    access: allow(['admin'], 'school', '只有本校管理员可以设置'),
    returns: returns<ServiceDaySettings>(),
  }),
});
