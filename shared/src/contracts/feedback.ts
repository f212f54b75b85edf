import { emptyInput } from '../domain/inputs';
import {
  answerFeedbackInput,
  type FeedbackInbox,
  type FeedbackView,
  listSchoolFeedbackInput,
  markFeedbackReviewedInput,
  submitFeedbackInput,
} from '../feedback/types';
import { allow, signedIn } from './access';
import { action, defineContract, returns } from './define';

const COMMITTEE = '只有本校家委会成员和学校管理员可以查看家长意见';
const ITEM = '没有找到这条意见，或您无权处理';

/** 家委会: parents' feedback, read and answered by the school's parent committee (000 §三(五), 004 §二(二)) (cloudfunctions/feedback). */
export const feedbackContract = defineContract('feedback', {
  submitFeedback: action({
    input: submitFeedbackInput,
    access: allow(['guardian'], 'student', '只能为自己已绑定的孩子提交意见'),
    returns: returns<FeedbackView>(),
  }),
  listMyFeedback: action({ input: emptyInput, access: signedIn('家长查看自己提交的意见和家委会的答复'), returns: returns<FeedbackView[]>() }),
  listSchoolFeedback: action({ input: listSchoolFeedbackInput, access: allow(['committee', 'admin'], 'school', COMMITTEE), returns: returns<FeedbackInbox>() }),
  markFeedbackReviewed: action({ input: markFeedbackReviewedInput, access: allow(['committee', 'admin'], 'feedback', ITEM), returns: returns<FeedbackView>() }),
  answerFeedback: action({ input: answerFeedbackInput, access: allow(['committee', 'admin'], 'feedback', ITEM), returns: returns<FeedbackView>() }),
});
