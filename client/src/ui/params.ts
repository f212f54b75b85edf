import { useRouter } from '@tarojs/taro';

/** The page's query parameters, decoded (neither H5 nor the mini-program decodes them for us). */
export function useParams(): Record<string, string | undefined> {
  const params = useRouter().params;
  const decoded: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    try {
      decoded[key] = decodeURIComponent(value);
    } catch {
      decoded[key] = value;
    }
  }
  return decoded;
}
