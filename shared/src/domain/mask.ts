/**
 * Masks a child's name for public and class-group pages: 张小明 → 张*明, 王芳 → 王*, 欧阳娜娜 → 欧**娜.
 */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return chars[0] + '*'.repeat(chars.length - 2) + chars[chars.length - 1];
}
