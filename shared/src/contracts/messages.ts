import { emptyInput } from '../domain/inputs';
import { classReachInput, type MessageView, type ReachView, type RecordConsentsResult, recordConsentsInput, schoolReachInput } from '../notify/types';
import { allow, signedIn } from './access';
import { action, defineContract, returns } from './define';

/**
 * 消息: subscription consents, the messages a person was sent, and whom messages could not reach
 * (cloudfunctions/messages; its timer sends the queue and the reminders).
 */
export const messagesContract = defineContract('messages', {
  recordConsents: action({
    input: recordConsentsInput,
    access: signedIn('记录本人允许接收的订阅消息'),
    returns: returns<RecordConsentsResult>(),
  }),
  listMyMessages: action({ input: emptyInput, access: signedIn('查看发给本人的消息'), returns: returns<MessageView[]>() }),
  getSchoolReach: action({
    input: schoolReachInput,
    access: allow(['admin'], 'school', '只有本校管理员可以查看未允许消息的家长'),
    returns: returns<ReachView>(),
  }),
  getClassReach: action({
    input: classReachInput,
    access: allow(['teacher', 'admin'], 'class', '只有本班班主任和学校管理员可以查看未允许消息的家长'),
    returns: returns<ReachView>(),
  }),
});
